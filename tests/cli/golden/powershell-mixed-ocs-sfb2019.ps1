<#
.SYNOPSIS
Federation with Cisco Unified CM IM and Presence: the Lync Server or Skype for
Business Server side, for the pool or Standard Edition server in $Target.

.DESCRIPTION
Written by fedwiz powershell. Run it in the Lync Server or Skype for Business
Server Management Shell as a member of RTCUniversalServerAdmins, with -WhatIf
first. It reads the current configuration, adds only what is missing, reports
what exists with other values without changing it, stops at the first
failure, and says what it did (exit status: see NOTES).

.PARAMETER TrustedPoolFqdn
The FQDN of the trusted application pool that holds the IM and Presence
nodes. fedwiz cannot know it (Cisco's example: trustedpool.<IM and Presence
domain>); with more than one node it must differ from every node FQDN. One
pool serves every Lync pool: give the same FQDN on each.

.PARAMETER ApplicationId
The trusted application's id, a name you choose; by default imptrustedapp
(Cisco's example: imptrustedapp.sip.com).

.PARAMETER Registrar
The registrar pool of a new trusted application pool; by default $Target.
Compared with an existing pool's only when given.

.PARAMETER SiteId
The registrar's site id (the SiteId of Get-CsSite, not its Identity); by
default looked up with Get-CsPool and Get-CsSite.

.PARAMETER RoutingScope
The static routing configuration the routes go into: global, as in
Microsoft's examples, or an existing service:Registrar:<pool FQDN> one.

.NOTES
Exit status: 0 when everything is in place, 1 when something exists with
other values (left unchanged), 2 when a step failed (the script stopped
there; what it did before is printed above).
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true)]
    [string] $TrustedPoolFqdn,
    [string] $ApplicationId = 'imptrustedapp',
    [string] $Registrar = '',
    [string] $SiteId = '',
    [string] $RoutingScope = 'global'
)

Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'

# From the fedwiz project: values only, each a single-quoted string.
$Project = 'Fourth Coffee mixed federation'
$Target = 'sfb1.adatum.test'
$Topology = 'default'
$TopologyPeers = @(
)
$PeerAuthPort = 5061
$Routes = @(
    @{ MatchUri = 'fourthcoffee.example.com'; Destination = 'cup1.fourthcoffee.example.com' }
)
$Nodes = @(
    'cup1.fourthcoffee.example.com',
    'cup2.fourthcoffee.example.com'
)
$Say = @{
    Header = 'fedwiz project {0}: the Lync / Skype for Business side on {1}'
    Added = 'added'
    Present = 'present'
    Differs = 'differs'
    RouteWhat = 'TLS static route for {0} to {1}:{2}'
    PoolWhat = 'trusted application pool {0} (registrar {1}, site {2}, first computer {3})'
    ComputerWhat = 'trusted application computer {0} in {1}'
    AppWhat = 'trusted application {0} in {1} on port {2}'
    DiffValue = '{0} is {1} here, {2} in the fedwiz project'
    Topology = 'Enable-CsTopology: the changed topology is enabled'
    SameTopology = 'Topology {0}: its static routes and trusted application pool serve {1} too. One run in the topology sets them up; the others'' scripts find them present.'
    Summary = '{0} added, {1} present, {2} different'
    Stopped = 'Stopped at the first failure: {0} ({1} added, {2} present, {3} different before it)'
    PoolIsNode = '-TrustedPoolFqdn {0} is an IM and Presence node; a pool of several nodes needs an FQDN of its own'
    NoSite = 'no single site found for registrar {0} (its site: {1}); give -SiteId'
    DiffWarn = 'What differs was left as it is: change it by hand (or remove it and run this script again), then run fedwiz powershell --read-back and fedwiz verify.'
    Written = 'Written: {0}. Copy it to the fedwiz host and run fedwiz verify PROJECT --microsoft FILE.'
}

$Counts = @{ Added = 0; Present = 0; Differs = 0 }
$TopologyChanged = $false

# The first failure ends the script: what was done so far is printed above.
trap {
    Write-Warning ($Say.Stopped -f $_.Exception.Message, $Counts.Added, $Counts.Present, $Counts.Differs)
    exit 2
}

function Write-State([string] $State, [string] $What) {
    $Counts[$State] += 1
    Write-Output ('{0,-8} {1}' -f $Say[$State], $What)
}

function Write-Result([string] $What, [object[]] $Diff) {
    if ($Diff.Count -eq 0) {
        Write-State 'Present' $What
    } else {
        Write-State 'Differs' ($What + ': ' + ($Diff -join '; '))
    }
}

function Format-Diff([string] $Name, $Live, $Want) {
    return ($Say.DiffValue -f $Name, $Live, $Want)
}

Write-Output ($Say.Header -f $Project, $Target)
if ($TopologyPeers.Count -gt 0) {
    Write-Output ($Say.SameTopology -f $Topology, ($TopologyPeers -join ', '))
}

# A pool of several computers cannot carry the FQDN of one of them
# (New-CsTrustedApplicationPool, -ComputerFqdn).
$PoolIsNode = @($Nodes | Where-Object { $_ -eq $TrustedPoolFqdn }).Count -gt 0
if ($PoolIsNode -and $Nodes.Count -gt 1) {
    throw ($Say.PoolIsNode -f $TrustedPoolFqdn)
}

$RegistrarGiven = $PSBoundParameters.ContainsKey('Registrar')
if (-not $RegistrarGiven) {
    $Registrar = $Target
}
# Get-CsSite takes a site's name, not its Identity: match the Identity the
# registrar pool names instead.
if ($SiteId -eq '') {
    $RegistrarPool = Get-CsPool -Identity $Registrar
    $Sites = @(Get-CsSite | Where-Object { [string] $_.Identity -eq [string] $RegistrarPool.Site })
    if ($Sites.Count -ne 1) {
        throw ($Say.NoSite -f $Registrar, $RegistrarPool.Site)
    }
    $SiteId = [string] $Sites[0].SiteId
}

# Static routes: one TLS route per IM and Presence domain, to its routing node
# on the Peer Auth port (Cisco, Interdomain Federation to Microsoft Lync).
$Config = Get-CsStaticRoutingConfiguration -Identity $RoutingScope
foreach ($Route in $Routes) {
    $Uri = $Route.MatchUri
    $Destination = $Route.Destination
    $What = $Say.RouteWhat -f $Uri, $Destination, $PeerAuthPort
    $Have = @($Config.Route | Where-Object { $null -ne $_ -and $_.MatchUri -eq $Uri })
    if ($Have.Count -eq 0) {
        if ($PSCmdlet.ShouldProcess($RoutingScope, $What)) {
            $New = New-CsStaticRoute -TLSRoute -Destination $Destination -Port $PeerAuthPort -UseDefaultCertificate $true -MatchUri $Uri
            Set-CsStaticRoutingConfiguration -Identity $RoutingScope -Route @{ Add = $New }
            Write-State 'Added' $What
        }
        continue
    }
    $Live = $Have[0]
    $Diff = @()
    # The next hop is in the Transport's TransportChoice: a SipProxy.TLS
    # with its Fqdn, or a SipProxy.TCP with an IPAddress instead
    # (New-CsSipProxyTransport).
    $Choice = $Live.Transport.TransportChoice
    if ($Choice.GetType().Name -ne 'TLS') {
        $Diff += Format-Diff 'Transport' ($Choice.GetType().Name) 'TLS'
    } elseif ([string] $Choice.Fqdn -ne $Destination) {
        $Diff += Format-Diff 'Destination' $Choice.Fqdn $Destination
    }
    if ([string] $Live.Transport.Port -ne [string] $PeerAuthPort) {
        $Diff += Format-Diff 'Port' $Live.Transport.Port $PeerAuthPort
    }
    if (-not $Live.Enabled) {
        $Diff += Format-Diff 'Enabled' $Live.Enabled $true
    }
    if ($Live.MatchOnlyPhoneUri) {
        $Diff += Format-Diff 'MatchOnlyPhoneUri' $Live.MatchOnlyPhoneUri $false
    }
    if ($Live.ReplaceHostInRequestUri) {
        $Diff += Format-Diff 'ReplaceHostInRequestUri' $Live.ReplaceHostInRequestUri $false
    }
    Write-Result $What $Diff
}

# The trusted application pool takes the place of OCS host authorization:
# treated as authenticated, throttled as a server, not outbound only.
# Lookups list and filter: a Get- by an Identity that does not exist yet may
# fail rather than return nothing.
$What = $Say.PoolWhat -f $TrustedPoolFqdn, $Registrar, $SiteId, $Nodes[0]
$PoolAdded = $false
$Pool = @(Get-CsTrustedApplicationPool | Where-Object { [string] $_.PoolFqdn -eq $TrustedPoolFqdn }) | Select-Object -First 1
if ($null -eq $Pool) {
    if ($PSCmdlet.ShouldProcess($TrustedPoolFqdn, $What)) {
        if ($PoolIsNode) {
            New-CsTrustedApplicationPool -Identity $TrustedPoolFqdn -Registrar $Registrar -Site $SiteId -TreatAsAuthenticated $true -ThrottleAsServer $true -RequiresReplication $false -OutboundOnly $false | Out-Null
        } else {
            New-CsTrustedApplicationPool -Identity $TrustedPoolFqdn -Registrar $Registrar -Site $SiteId -TreatAsAuthenticated $true -ThrottleAsServer $true -RequiresReplication $false -OutboundOnly $false -ComputerFqdn $Nodes[0] | Out-Null
        }
        Write-State 'Added' $What
        $TopologyChanged = $true
    }
    $PoolAdded = $true
} else {
    $Diff = @()
    if (-not $Pool.TreatAsAuthenticated) {
        $Diff += Format-Diff 'TreatAsAuthenticated' $Pool.TreatAsAuthenticated $true
    }
    if (-not $Pool.ThrottleAsServer) {
        $Diff += Format-Diff 'ThrottleAsServer' $Pool.ThrottleAsServer $true
    }
    if ($Pool.OutboundOnly) {
        $Diff += Format-Diff 'OutboundOnly' $Pool.OutboundOnly $false
    }
    if ($Pool.RequiresReplication) {
        $Diff += Format-Diff 'RequiresReplication' $Pool.RequiresReplication $false
    }
    # Its Registrar reads Registrar:<FQDN>.
    if ($RegistrarGiven -and -not ([string] $Pool.Registrar).EndsWith($Registrar, [StringComparison]::OrdinalIgnoreCase)) {
        $Diff += Format-Diff 'Registrar' $Pool.Registrar $Registrar
    }
    Write-Result $What $Diff
}

# Every further IM and Presence node is a computer of that pool; the first
# came with New-CsTrustedApplicationPool.
$AllComputers = @(Get-CsTrustedApplicationComputer)
$First = $true
foreach ($Node in $Nodes) {
    if ($First -and $PoolAdded) {
        $First = $false
        continue
    }
    $First = $false
    $What = $Say.ComputerWhat -f $Node, $TrustedPoolFqdn
    $Computer = @($AllComputers | Where-Object { [string] $_.Identity -eq $Node -or [string] $_.Fqdn -eq $Node }) | Select-Object -First 1
    if ($null -eq $Computer) {
        if ($PSCmdlet.ShouldProcess($Node, $What)) {
            New-CsTrustedApplicationComputer -Identity $Node -Pool $TrustedPoolFqdn | Out-Null
            Write-State 'Added' $What
            $TopologyChanged = $true
        }
        continue
    }
    $Diff = @()
    if (-not ([string] $Computer.Pool).EndsWith($TrustedPoolFqdn, [StringComparison]::OrdinalIgnoreCase)) {
        $Diff += Format-Diff 'Pool' $Computer.Pool $TrustedPoolFqdn
    }
    Write-Result $What $Diff
}

# The trusted application listens on the IM and Presence Peer Auth port, over
# TLS: no -EnableTcp (Cisco: TCP is not supported with Lync).
$What = $Say.AppWhat -f $ApplicationId, $TrustedPoolFqdn, $PeerAuthPort
# Its ApplicationId reads urn:application:<id>.
$App = @(Get-CsTrustedApplication | Where-Object {
    [string] $_.TrustedApplicationPoolFqdn -eq $TrustedPoolFqdn -and
    ([string] $_.ApplicationId -eq $ApplicationId -or [string] $_.ApplicationId -eq ('urn:application:' + $ApplicationId))
}) | Select-Object -First 1
if ($null -eq $App) {
    if ($PSCmdlet.ShouldProcess($TrustedPoolFqdn, $What)) {
        New-CsTrustedApplication -ApplicationId $ApplicationId -TrustedApplicationPoolFqdn $TrustedPoolFqdn -Port $PeerAuthPort | Out-Null
        Write-State 'Added' $What
        $TopologyChanged = $true
    }
} else {
    $Diff = @()
    if ([string] $App.Port -ne [string] $PeerAuthPort) {
        $Diff += Format-Diff 'Port' $App.Port $PeerAuthPort
    }
    Write-Result $What $Diff
}

if ($TopologyChanged -and $PSCmdlet.ShouldProcess('topology', 'Enable-CsTopology')) {
    Enable-CsTopology
    Write-Output $Say.Topology
}

Write-Output ($Say.Summary -f $Counts.Added, $Counts.Present, $Counts.Differs)
if ($Counts.Differs -gt 0) {
    Write-Warning $Say.DiffWarn
    exit 1
}
exit 0
