// ps_check.mjs SCRIPT [--read-only] [--commands] [--value TEXT]...: judges a PowerShell script fedwiz
// wrote, parsed with tree-sitter-powershell (PowerShell itself cannot run
// here). Run it as `node --liftoff-only` (without, V8 optimises the grammar's
// WebAssembly for tens of seconds). Fails (exit 1, one line per problem):
//   - the parse has an ERROR or MISSING node;
//   - braces, parentheses or brackets outside strings do not pair up;
//   - a single-quoted string holds a lone quote character: PowerShell ends
//     such a string at ' and at U+2018..U+201B alike, the grammar only at ';
//   - a command is not on the allow-list below, is called through & or .,
//     is given a parameter that is not on its list, or splatted ones;
//   - with --read-only, a Lync cmdlet other than a Get-Cs one is called;
//   - a .NET static member ([Type]::Member, called or read) is not on the
//     allow-list below, or its type is not written out as a type literal;
//   - a --value is not the whole of some single-quoted string, or shows up
//     in the script's text outside single-quoted strings and comments.
// --commands prints the name of every command the script calls, one a line
// in order, for comparing the structure of two scripts.
// Exit 2: usage, or the parser could not be loaded (FW_NODE_MODULES).
import fs from 'node:fs';
import path from 'node:path';

// Parameters every cmdlet takes (about_CommonParameters).
const common = ['-Debug', '-ErrorAction', '-ErrorVariable', '-InformationAction',
	'-InformationVariable', '-OutVariable', '-OutBuffer', '-PipelineVariable',
	'-Verbose', '-WarningAction', '-WarningVariable'];
const shouldProcess = ['-WhatIf', '-Confirm'];

// Each cmdlet's parameters as its SYNTAX section in Microsoft's reference
// lists them: learn.microsoft.com, PowerShell module "skype" (Lync Server
// 2010 to Skype for Business Server 2019), and Microsoft.PowerShell.Core,
// .Utility and .Management for the rest. Left out on purpose: -TCPRoute of
// New-CsStaticRoute and -EnableTcp of New-CsTrustedApplication (Cisco:
// "TCP is not supported for federation with Microsoft Lync").
const allowed = {
	'New-CsStaticRoute': ['-Destination', '-MatchUri', '-Enabled', '-MatchOnlyPhoneUri',
		'-Port', '-ReplaceHostInRequestUri', '-TLSCertIssuer', '-TLSCertSerialNumber',
		'-TLSRoute', '-UseDefaultCertificate'],
	'Get-CsStaticRoutingConfiguration': ['-Identity', '-Filter', '-LocalStore'],
	'Set-CsStaticRoutingConfiguration': ['-Identity', '-Instance', '-Route', '-Force',
		...shouldProcess],
	'Get-CsPool': ['-Identity', '-Filter', '-Site'],
	'Get-CsSite': ['-Identity', '-Filter'],
	'New-CsTrustedApplicationPool': ['-Identity', '-AppSharingPortCount',
		'-AppSharingPortStart', '-AudioPortCount', '-AudioPortStart', '-ComputerFqdn',
		'-OutboundOnly', '-Registrar', '-RequiresReplication', '-Site', '-ThrottleAsServer',
		'-TreatAsAuthenticated', '-VideoPortCount', '-VideoPortStart', '-Force',
		...shouldProcess],
	'Get-CsTrustedApplicationPool': ['-Identity', '-Filter', '-PoolFqdn'],
	'New-CsTrustedApplicationComputer': ['-Identity', '-Pool', '-Force', ...shouldProcess],
	'Get-CsTrustedApplicationComputer': ['-Identity', '-Filter', '-Pool', '-Local'],
	'New-CsTrustedApplication': ['-Identity', '-ApplicationId', '-Port',
		'-TrustedApplicationPoolFqdn', '-LegacyApplicationName', '-Force', ...shouldProcess],
	'Get-CsTrustedApplication': ['-Identity', '-Filter', '-ApplicationId',
		'-TrustedApplicationPoolFqdn'],
	'Enable-CsTopology': ['-GlobalCatalog', '-GlobalSettingsDomainController',
		'-SkipPrepareCheck', '-Report', '-Force', ...shouldProcess],
	'Get-CsCertificate': ['-Type', '-NetportId', '-Report', '-Identity'],
	'Set-StrictMode': ['-Version', '-Off'],
	'Write-Output': ['-InputObject', '-NoEnumerate'],
	'Write-Warning': ['-Message'],
	'Where-Object': ['-FilterScript', '-InputObject'],
	'ForEach-Object': ['-Process', '-InputObject', '-Begin', '-End'],
	'Out-Null': ['-InputObject'],
	'Select-Object': ['-Property', '-ExpandProperty', '-First', '-Last', '-Skip',
		'-Unique', '-InputObject'],
	'Get-Item': ['-Path', '-LiteralPath'],
	'Get-Date': ['-Date', '-Format', '-UFormat'],
	'ConvertTo-Json': ['-InputObject', '-Depth', '-Compress'],
	'New-Object': ['-TypeName', '-ArgumentList', '-Property'],
	// The read-back drops System.Array's ETS type data for its session
	// (data/lync-readback.ps1 says why).
	'Get-TypeData': ['-TypeName'],
	'Remove-TypeData': ['-TypeName', '-TypeData', '-Path', ...shouldProcess],
};
// The .NET static members data/*.ps1 use, as Type::Member with the type
// as PowerShell resolves it: any case, "System." optional. Any other would
// reach past the cmdlets above ([Diagnostics.Process]::Start).
const staticKey = (type, member) =>
	`${type.replace(/\s+/g, '').toLowerCase().replace(/^system\./, '')}::${member.toLowerCase()}`;
const staticAllowed = new Set([
	['Convert', 'ToBase64String'],		// the read-back's certificate
	['Net.Dns', 'GetHostEntry'],		// the read-back's ComputerFqdn
	['IO.File', 'WriteAllText'],		// the read-back's JSON, no BOM
	['StringComparison', 'OrdinalIgnoreCase'],	// the configure script
].map(([type, member]) => staticKey(type, member)));

for (const name of Object.keys(allowed))
	allowed[name] = allowed[name].concat(common).map((p) => p.toLowerCase());
const allowedByLower = new Map(Object.keys(allowed).map((n) => [n.toLowerCase(), n]));

function usage(msg) {
	console.error(`ps_check: ${msg}`);
	process.exit(2);
}

const args = process.argv.slice(2);
const values = [];
let file = null;
let readOnly = false;
let listCommands = false;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--read-only') {
		readOnly = true;
	} else if (args[i] === '--commands') {
		listCommands = true;
	} else if (args[i] === '--value') {
		if (i + 1 >= args.length)
			usage('--value needs TEXT');
		values.push(args[++i]);
	} else if (file === null) {
		file = args[i];
	} else {
		usage('one SCRIPT only');
	}
}
if (file === null)
	usage('usage: ps_check.mjs SCRIPT [--read-only] [--commands] [--value TEXT]...');

const modules = process.env.FW_NODE_MODULES;
if (!modules)
	usage('FW_NODE_MODULES is not set (./build.sh installs the parser)');
let parser;
try {
	const ts = await import(path.join(modules, 'web-tree-sitter', 'web-tree-sitter.js'));
	await ts.Parser.init();
	parser = new ts.Parser();
	parser.setLanguage(await ts.Language.load(path.join(modules,
		'tree-sitter-powershell', 'tree-sitter-powershell.wasm')));
} catch (e) {
	usage(`cannot load tree-sitter-powershell from ${modules}: ${e.message}`);
}
const problems = [];
let source = fs.readFileSync(file, 'utf8');
if (source.startsWith('\ufeff'))
	source = source.slice(1);
else
	problems.push('1: no UTF-8 byte order mark at the start');
const tree = parser.parse(source);

const at = (n) => n.startPosition.row + 1;
const literals = [];
const functions = new Set();
const commands = [];
const leaves = [];	// every token outside single-quoted strings and comments
const code = [];	// those outside double-quoted strings too

// n's children: the type, "::" at index colons, the member (and the
// arguments of a call).
function checkStatic(n, colons) {
	const type = n.children[colons - 1];
	const member = n.children[colons + 1];
	const spec = type && type.type === 'type_literal' ?
		type.children.find((c) => c.type === 'type_spec') : null;
	if (!spec || !member) {
		problems.push(`${at(n)}: a static member of a type that is not written out (${JSON.stringify(n.text.slice(0, 40))})`);
		return;
	}
	if (!staticAllowed.has(staticKey(spec.text, member.text)))
		problems.push(`${at(n)}: static member [${spec.text}]::${member.text} is not on the allow-list`);
}

function walk(n, inString) {
	if (n.type === 'ERROR' || n.isMissing)
		problems.push(`${at(n)}: parse error near ${JSON.stringify(n.text.slice(0, 40))}`);
	if (n.type === 'function_statement') {
		const name = n.children.find((c) => c.type === 'function_name');
		if (name)
			functions.add(name.text.toLowerCase());
	}
	if (n.type === 'command')
		commands.push(n);
	const colons = n.children.findIndex((c) => c.type === '::');
	if (colons >= 0)
		checkStatic(n, colons);
	if (n.type === 'verbatim_string_characters') {
		literals.push(n);
		return;
	}
	if (n.type === 'comment')
		return;
	if (n.type === 'expandable_string_literal' || n.type === 'expandable_here_string_literal')
		inString = true;
	if (n.childCount === 0) {
		leaves.push(n);
		if (!inString)
			code.push(n);
	}
	for (const c of n.children)
		walk(c, inString);
}
walk(tree.rootNode, false);

// Delimiters outside strings and comments, in order.
const pairs = { '}': '{', ')': '(', ']': '[' };
const stack = [];
for (const leaf of code) {
	for (const ch of leaf.text) {
		if (ch === '{' || ch === '(' || ch === '[') {
			stack.push({ ch, row: at(leaf) });
		} else if (ch in pairs) {
			const open = stack.pop();
			if (!open || open.ch !== pairs[ch])
				problems.push(`${at(leaf)}: ${JSON.stringify(ch)} closes ${open ? JSON.stringify(open.ch) + ' of line ' + open.row : 'nothing'}`);
		}
	}
}
for (const open of stack)
	problems.push(`${open.row}: ${JSON.stringify(open.ch)} is never closed`);

// PowerShell's single-quote characters; two in a row stand for the first.
const isQuote = (ch) => ch === "'" || (ch >= '\u2018' && ch <= '\u201b');
function decode(n) {
	const inner = [...n.text.slice(1, -1)];
	let out = '';
	for (let i = 0; i < inner.length; i++) {
		if (!isQuote(inner[i])) {
			out += inner[i];
		} else if (i + 1 < inner.length && isQuote(inner[i + 1])) {
			out += inner[i++];
		} else {
			problems.push(`${at(n)}: a lone ${JSON.stringify(inner[i])} ends this string early in PowerShell`);
			return null;
		}
	}
	return out;
}
const decoded = literals.map(decode);

for (const cmd of commands) {
	const nameNode = cmd.children.find((c) => c.type === 'command_name');
	if (!nameNode || cmd.children.some((c) => c.type === 'command_invokation_operator')) {
		problems.push(`${at(cmd)}: a command called through & or . (${JSON.stringify(cmd.text.slice(0, 40))})`);
		continue;
	}
	const name = nameNode.text;
	if (functions.has(name.toLowerCase()))
		continue;
	const known = allowedByLower.get(name.toLowerCase());
	if (!known) {
		problems.push(`${at(cmd)}: command ${JSON.stringify(name)} is not on the allow-list`);
		continue;
	}
	if (readOnly && /-Cs/.test(known) && !known.startsWith('Get-'))
		problems.push(`${at(cmd)}: ${known} changes the configuration in a read-only script`);
	const elements = cmd.children.find((c) => c.type === 'command_elements');
	for (const el of elements ? elements.children : []) {
		if (el.text.startsWith('@') && /^@\w+$/.test(el.text))
			problems.push(`${at(cmd)}: ${known} is given splatted parameters (${el.text}), which this check cannot see`);
		if (el.type !== 'command_parameter')
			continue;
		const param = el.text.replace(/:$/, '');
		if (!allowed[known].includes(param.toLowerCase()))
			problems.push(`${at(cmd)}: ${known} has no parameter ${param} on the allow-list`);
	}
}

const outside = leaves.map((n) => n.text);
for (const v of values) {
	if (!decoded.includes(v))
		problems.push(`value ${JSON.stringify(v)} is not the whole of any single-quoted string`);
	if (v.length > 0 && outside.some((t) => t.includes(v)))
		problems.push(`value ${JSON.stringify(v)} appears outside a single-quoted string`);
}

for (const p of problems)
	console.log(`ps_check: ${file}:${p}`);
if (listCommands) {
	for (const cmd of commands) {
		const nameNode = cmd.children.find((c) => c.type === 'command_name');
		console.log(nameNode ? nameNode.text : cmd.text.split(/\s/)[0]);
	}
}
process.exit(problems.length > 0 ? 1 : 0);
