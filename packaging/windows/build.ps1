# Build the Windows app and its installer. Run from anywhere, in PowerShell:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# 1. creates .venv (Python 3.11+ from the "py" launcher) and installs reviewer with the "package" extra
# 2. PyInstaller -> packaging\dist\reviewer\ (reviewer.exe = the window, reviewer-cli.exe = console)
# 3. runs "reviewer-cli.exe --self-test" on the built folder (stops on failure)
# 4. if Inno Setup 6 (ISCC.exe) is installed, builds packaging\dist\reviewer-<version>-setup.exe
#
# The version comes from reviewer\__init__.py and is passed to Inno Setup as /DAppVersion.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Venv = Join-Path $Root ".venv"
$Python = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Root "packaging\dist"
$Work = Join-Path $Root "packaging\build"

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$Version = (Select-String -Path (Join-Path $Root "reviewer\__init__.py") -Pattern '^__version__\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
Write-Host "reviewer $Version"

if (-not (Test-Path $Python)) {
    Invoke-Checked "py" @("-3", "-m", "venv", $Venv)
}
Push-Location $Root
try {
    Invoke-Checked $Python @("-m", "pip", "install", "-q", "--upgrade", "pip")
    Invoke-Checked $Python @("-m", "pip", "install", "-q", "-e", ".[package]")

    $Timer = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", $Dist, "--workpath", $Work,
                             (Join-Path $Root "packaging\reviewer.spec"))
    $BuildSeconds = [math]::Round($Timer.Elapsed.TotalSeconds)
    $Bundle = Join-Path $Dist "reviewer"
    $SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
    Write-Host "bundle: $Bundle  $SizeMB MB  (built in $BuildSeconds s)"

    $env:REVIEWER_HOME = Join-Path ([IO.Path]::GetTempPath()) "reviewer-build-self-test"
    $env:QT_QPA_PLATFORM = "offscreen"
    $Timer.Restart()
    Invoke-Checked (Join-Path $Bundle "reviewer-cli.exe") @("--self-test")
    Write-Host "self-test passed in $([math]::Round($Timer.Elapsed.TotalSeconds, 1)) s"
    Remove-Item Env:QT_QPA_PLATFORM, Env:REVIEWER_HOME

    $Iscc = @(
        (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if ($Iscc) {
        Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", "/DDistDir=$Bundle", "/O$Dist",
                               (Join-Path $Root "packaging\windows\reviewer.iss"))
        Write-Host "installer: $(Join-Path $Dist "reviewer-$Version-setup.exe")"
    } else {
        Write-Host "Inno Setup 6 not found: skipped the installer (https://jrsoftware.org/isdl.php)."
    }
} finally {
    Pop-Location
}
