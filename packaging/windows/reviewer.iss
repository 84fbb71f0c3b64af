; Inno Setup 6.3+ script: installer for the one-folder app built by packaging\reviewer.spec.
; Normally run by packaging\windows\build.ps1, which passes the version and the bundle folder:
;   ISCC.exe /DAppVersion=0.1.0 /DDistDir=...\packaging\dist\reviewer packaging\windows\reviewer.iss
; Run by hand, it reads both from the built folder (the version from reviewer.exe's version resource).
; Installs per user without administrator rights (office PCs) unless the user chooses all users.

#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist\reviewer"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(DistDir) + "reviewer.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error reviewer.exe not found or without a version: build the app first (packaging\windows\build.ps1)
#endif

#define AppName "法治政府建设年度报告审阅助手"

[Setup]
AppId={{6C1E5D3A-8F2B-4C67-9E41-2A7B3D5F9C10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=reviewer
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\reviewer
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=reviewer-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\..\resources\icons\reviewer.ico
UninstallDisplayIcon={app}\reviewer.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; the shell is told to refresh its menus (only the "associate" task below changes them)
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
; ChineseSimplified.isl is one of Inno Setup's translations (https://jrsoftware.org/files/istrans/): if the
; compiler reports it missing, copy it into the compiler's Languages folder.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DemoReports=演示报告
english.DemoReports=Demo reports
chinesesimplified.OpenWithReviewer=用 reviewer 打开
english.OpenWithReviewer=Open with reviewer
chinesesimplified.AssociateReports=在报告文件（.docx、.pdf、.txt、.wps 等）的右键菜单中加入“用 reviewer 打开”（不改变默认打开方式）
english.AssociateReports=Add "Open with reviewer" to the context menu of report files (.docx, .pdf, .txt, .wps, ...); the default program stays
chinesesimplified.Associations=文件关联：
english.Associations=File associations:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
; opt-in: unchecked unless the user ticks it
Name: "associate"; Description: "{cm:AssociateReports}"; GroupDescription: "{cm:Associations}"; Flags: unchecked

[Registry]
; Only with the "associate" task: a "用 reviewer 打开" verb on each report format (SystemFileAssociations: the
; format's default program is not changed) and reviewer in its "Open with" list. Per user (HKA is HKCU for a
; per-user install); removed on uninstall. The list follows REPORT_EXTENSIONS in reviewer/analysis/loaders/outcome.py.
Root: HKA; Subkey: "Software\Classes\Applications\reviewer.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\reviewer.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.txt\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.txt\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.txt\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.htm\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.htm\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.htm\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.html\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.html\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.html\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.html\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.doc\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.doc\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.doc\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.doc\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.wps\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.wps\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.wps\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.wps\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.odt\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.odt\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.odt\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.odt\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.rtf\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.rtf\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.rtf\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.rtf\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.jpg\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.jpg\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.jpg\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.jpg\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.jpeg\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.jpeg\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.jpeg\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.jpeg\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.png\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.png\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.png\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.png\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.tif\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.tif\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.tif\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.tif\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.tiff\shell\reviewer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithReviewer}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.tiff\shell\reviewer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\reviewer.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.tiff\shell\reviewer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reviewer.exe"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.tiff\OpenWithList\reviewer.exe"; Flags: uninsdeletekey; Tasks: associate

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an older version that this one no longer ships
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\reviewer.exe"
Name: "{autoprograms}\{#AppName} {cm:DemoReports}"; Filename: "{app}\_internal\resources\demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\reviewer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\reviewer.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
