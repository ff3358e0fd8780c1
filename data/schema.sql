-- The fedwiz project file, schema version 5.
-- fedwiz writes PRAGMA application_id = 1180129841 ('FWZ1') and
-- PRAGMA user_version = 5 after running this script on a new file.
-- Older files are migrated on open (src/fw_store.c keeps the steps).

-- Deployment settings by answers-file key: name, transport (tls|tcp),
-- ocs_edition (standard|enterprise), microsoft (ocs2007r2|lync2010|
-- lync2013|sfb2015|sfb2019|sfbse), imp_release, peer_auth_port,
-- server_auth_port, next_hop_port.
CREATE TABLE setting (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE imp_node (
	id INTEGER PRIMARY KEY,
	fqdn TEXT NOT NULL UNIQUE COLLATE NOCASE,
	ip TEXT NOT NULL
);

-- route_to: the IM&P node that OCS static routes for this domain point to.
CREATE TABLE imp_domain (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE,
	route_to TEXT REFERENCES imp_node (fqdn)
		ON UPDATE CASCADE ON DELETE SET NULL
);

-- microsoft: the Microsoft server the domain runs; NULL = the setting's.
-- topology: the Lync/SfB topology it belongs to (fw_syntax_topology());
-- NULL = the one every domain without a name shares.
CREATE TABLE ocs_domain (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE,
	description TEXT,
	microsoft TEXT CHECK (microsoft IN ('ocs2007r2', 'lync2010',
		'lync2013', 'sfb2015', 'sfb2019', 'sfbse')),
	topology TEXT CHECK (topology IS NULL OR
		(length(topology) BETWEEN 1 AND 32 AND
		topology NOT GLOB '*[^a-z0-9_-]*'))
);

CREATE TABLE ocs_pool (
	id INTEGER PRIMARY KEY,
	fqdn TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE ocs_server (
	id INTEGER PRIMARY KEY,
	fqdn TEXT NOT NULL UNIQUE COLLATE NOCASE,
	ip TEXT NOT NULL,
	domain TEXT NOT NULL REFERENCES ocs_domain (name)
		ON UPDATE CASCADE ON DELETE RESTRICT,
	pool TEXT REFERENCES ocs_pool (fqdn)
		ON UPDATE CASCADE ON DELETE SET NULL,
	route TEXT NOT NULL CHECK (route IN ('primary', 'backup', 'none'))
);

-- Public certificates only, as PEM text; never a private key. host ''
-- holds the project-wide ones, the default for every OCS server and pool;
-- else host is the OCS server or pool FQDN whose own ocs_cert or ocs_ca
-- it is (the triggers below follow its renames and deletes).
CREATE TABLE certificate (
	role TEXT NOT NULL
		CHECK (role IN ('ocs_ca', 'ocs_cert', 'imp_ca', 'imp_cert')),
	host TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	pem TEXT NOT NULL,
	source TEXT,
	sha256 TEXT NOT NULL,
	PRIMARY KEY (role, host),
	CHECK (host = '' OR role IN ('ocs_ca', 'ocs_cert'))
);

CREATE TRIGGER ocs_server_cert_rename AFTER UPDATE OF fqdn ON ocs_server
BEGIN
	UPDATE certificate SET host = NEW.fqdn WHERE host = OLD.fqdn;
END;

CREATE TRIGGER ocs_server_cert_delete AFTER DELETE ON ocs_server
BEGIN
	DELETE FROM certificate WHERE host = OLD.fqdn;
END;

CREATE TRIGGER ocs_pool_cert_rename AFTER UPDATE OF fqdn ON ocs_pool
BEGIN
	UPDATE certificate SET host = NEW.fqdn WHERE host = OLD.fqdn;
END;

CREATE TRIGGER ocs_pool_cert_delete AFTER DELETE ON ocs_pool
BEGIN
	DELETE FROM certificate WHERE host = OLD.fqdn;
END;

-- Steps the admin confirmed done in the wizard (1-9).
CREATE TABLE step_status (
	step INTEGER PRIMARY KEY CHECK (step BETWEEN 0 AND 9),
	done INTEGER NOT NULL,
	user TEXT NOT NULL,
	time TEXT NOT NULL
);

-- Written by fedwiz 0.1 only: confirmations (tls_3des, empty_fragments,
-- fips -> 'yes') are now the ticks of their checklist items. Rows found are
-- read as those ticks and turned into them on a load for writing
-- (src/fw_store_rw.c, src/fw_confirm.h).
CREATE TABLE confirm (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL,
	user TEXT NOT NULL,
	time TEXT NOT NULL
);

-- Ticked checklist items; fingerprint = the item's values when ticked.
-- The confirmations of things set by hand on a server are ticks too.
CREATE TABLE tick (
	item TEXT PRIMARY KEY,
	fingerprint TEXT,
	user TEXT NOT NULL,
	time TEXT NOT NULL
);

-- Where the wizard was, so the next start resumes there.
CREATE TABLE position (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	step INTEGER NOT NULL,
	field TEXT
);

-- Results of `fedwiz probe`: the latest per host, port and kind.
CREATE TABLE probe (
	host TEXT NOT NULL,
	port INTEGER NOT NULL,
	kind TEXT NOT NULL,
	time TEXT NOT NULL,
	ok INTEGER NOT NULL,
	summary TEXT NOT NULL,
	detail TEXT,
	PRIMARY KEY (host, port, kind)
);

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	time TEXT NOT NULL,
	user TEXT NOT NULL,
	what TEXT NOT NULL,
	old TEXT,
	new TEXT
);
