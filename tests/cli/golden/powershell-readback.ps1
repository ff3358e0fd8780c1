<#
.SYNOPSIS
Read-only: exports the Lync Server or Skype for Business Server configuration
that federation with Cisco IM and Presence depends on, as JSON for
fedwiz verify --microsoft FILE.json.

.DESCRIPTION
Written by fedwiz powershell --read-back. Changes nothing. Run it in the
Management Shell on the pool or Standard Edition server in $Target; it
writes the static routes, trusted application pools, computers and
applications, and the default certificate (subject, alternative names,
Enhanced Key Usage, expiry, and the certificate itself, no key).
The JSON's shape (format fedwiz-microsoft-readback, version 1) is
described property by property in fedwiz's tests/fixtures/readback/README.

.PARAMETER Path
The JSON file to write; by default fedwiz-readback-<target>.json here.
#>
#Requires -Version 3.0
[CmdletBinding()]
param(
    [string] $Path = ''
)

Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'

# From the fedwiz project: values only, each a single-quoted string.
$Project = 'Northwind <TLS> federation & "pilot"'
$Target = 'pool1.ocs.contoso.test'
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

# Windows PowerShell (before 6) writes an array nested in an array, as
# Computers and AlternativeNames are, as {"value": [...], "Count": n}: the
# ETS Count property of System.Array (PowerShell issues 3153 and 5579,
# workaround Remove-TypeData -TypeName System.Array). Without that type
# data, for this session only, a list is a JSON list.
if ($null -ne (Get-TypeData -TypeName System.Array)) {
    Remove-TypeData -TypeName System.Array
}

if ($Path -eq '') {
    $Path = 'fedwiz-readback-' + $Target + '.json'
}
# .NET resolves relative paths against the process, not the shell location.
$Path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)

# Lync applies one static routing configuration to a pool (its own, its
# site's, else Global): every configuration's Identity is written, those
# without routes too, and the target's site.
$TargetSite = ''
$TargetPool = Get-CsPool -Identity $Target -ErrorAction SilentlyContinue
if ($null -ne $TargetPool) {
    $TargetSite = [string] $TargetPool.Site
}
$RoutingConfigs = @(Get-CsStaticRoutingConfiguration)
$RoutingScopes = @(foreach ($Config in $RoutingConfigs) {
    [string] $Config.Identity
})

$StaticRoutes = @(foreach ($Config in $RoutingConfigs) {
    foreach ($Route in @($Config.Route)) {
        if ($null -eq $Route) {
            continue
        }
        # A route's Transport (SipProxy.Transport) holds the Port and the
        # TransportChoice: a SipProxy.TLS naming the next hop by Fqdn, or a
        # SipProxy.TCP by IPAddress (New-CsSipProxyTransport, -TLS, -TCP).
        $Choice = $Route.Transport.TransportChoice
        if ($Choice.GetType().Name -eq 'TCP') {
            $NextHop = $Choice.IPAddress
        } else {
            $NextHop = $Choice.Fqdn
        }
        [pscustomobject] @{
            Scope = [string] $Config.Identity
            MatchUri = [string] $Route.MatchUri
            TransportType = [string] $Choice.GetType().Name
            Destination = [string] $NextHop
            Port = [int] $Route.Transport.Port
            Enabled = [bool] $Route.Enabled
            MatchOnlyPhoneUri = [bool] $Route.MatchOnlyPhoneUri
            ReplaceHostInRequestUri = [bool] $Route.ReplaceHostInRequestUri
        }
    }
})

$Pools = @(foreach ($Pool in @(Get-CsTrustedApplicationPool)) {
    if ($null -eq $Pool) {
        continue
    }
    [pscustomobject] @{
        Identity = [string] $Pool.Identity
        Registrar = [string] $Pool.Registrar
        Site = [string] $Pool.Site
        TreatAsAuthenticated = [bool] $Pool.TreatAsAuthenticated
        ThrottleAsServer = [bool] $Pool.ThrottleAsServer
        OutboundOnly = [bool] $Pool.OutboundOnly
        RequiresReplication = [bool] $Pool.RequiresReplication
        Computers = @($Pool.Computers | ForEach-Object { [string] $_ })
    }
})

$Computers = @(foreach ($Computer in @(Get-CsTrustedApplicationComputer)) {
    if ($null -eq $Computer) {
        continue
    }
    [pscustomobject] @{
        Identity = [string] $Computer.Identity
        Pool = [string] $Computer.Pool
        Fqdn = [string] $Computer.Fqdn
    }
})

$Applications = @(foreach ($App in @(Get-CsTrustedApplication)) {
    if ($null -eq $App) {
        continue
    }
    [pscustomobject] @{
        Identity = [string] $App.Identity
        ApplicationId = [string] $App.ApplicationId
        TrustedApplicationPoolFqdn = [string] $App.TrustedApplicationPoolFqdn
        Port = [int] $App.Port
    }
})

# Microsoft's own examples spell the Use of the default certificate both
# "Default" (Test-CsCertificateConfiguration's output) and
# "urn:certref:Default" (New-CsStaticRoute's help): either is taken.
$Certificates = @(foreach ($Cert in @(Get-CsCertificate -Type Default)) {
    if ($null -eq $Cert -or @('Default', 'urn:certref:Default') -notcontains [string] $Cert.Use) {
        continue
    }
    $X509 = Get-Item -Path ('Cert:\LocalMachine\My\' + $Cert.Thumbprint)
    [pscustomobject] @{
        Use = [string] $Cert.Use
        Thumbprint = [string] $Cert.Thumbprint
        Subject = [string] $X509.Subject
        AlternativeNames = @($Cert.AlternativeNames | ForEach-Object { [string] $_ })
        EnhancedKeyUsage = @($X509.EnhancedKeyUsageList | ForEach-Object { [string] $_.ObjectId })
        NotAfter = $X509.NotAfter.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        Der = [Convert]::ToBase64String($X509.RawData)
    }
})

$Document = [pscustomobject] @{
    Format = 'fedwiz-microsoft-readback'
    Version = 1
    Target = $Target
    TargetSite = $TargetSite
    Computer = [string] $env:COMPUTERNAME
    ComputerFqdn = [string] [System.Net.Dns]::GetHostEntry([string] $env:COMPUTERNAME).HostName
    Written = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    RoutingScopes = $RoutingScopes
    StaticRoutes = $StaticRoutes
    TrustedApplicationPools = $Pools
    TrustedApplicationComputers = $Computers
    TrustedApplications = $Applications
    Certificates = $Certificates
}
$Json = ConvertTo-Json -InputObject $Document -Depth 8
[IO.File]::WriteAllText($Path, $Json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
Write-Output ($Say.Written -f $Path)
