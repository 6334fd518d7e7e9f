<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditReview</name>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data viewed or printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case actions and corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logins and account changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log viewed or exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BROKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>The language: zh_CN (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder to open (else choose it with Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow catalogue editor, for catalogue staff: edit a catalogue folder (docs/catalogue-format.md) as a tree of matters, questions, options, requirements, materials and bundles, with the lint running as you type, and save only what you changed (files you did not touch stay byte for byte as they were). Before saving it shows which situations gain or lose which materials. A catalogue editor who signs in to the hall&apos;s server (Review menu) locks the matters he edits and submits versions for review there; without signing in, folders are edited offline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>OneWindow kiosk (取号机): the visitor chooses the matter, may swipe the ID card and type a mobile number, and takes a printed ticket.

The kiosk&apos;s credential is an enrolled workstation&apos;s: enrol its data folder once (onewindow-cli server enrol-code --counter K01, then onewindow-cli sync enrol --data-dir DIR) and start with --data-dir DIR, or give --server URL --key KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enrolled data folder: the server, the key and the hall come from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of an enrolled workstation of the hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall code, for the ticket&apos;s follow-the-queue page (default: the enrolment&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s name, on the screen and the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder (default: $OW_CATALOGUE, else the newest synced one in --data-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk&apos;s device settings, an INI file like the workstation&apos;s (default: devices.ini in --data-dir); the ID card reader and the receipt printer are used, simulators included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A window instead of full screen (demos).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language: zh_CN (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not enrolled with a server (onewindow-cli sync enrol).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk needs --data-dir DIR, or --server URL and --key KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalogue: give --catalogue DIR or set OW_CATALOGUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue in %1 could not be loaded (onewindow-cli catalogue lint %1 says why).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Enrolling this workstation with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow counter workstation.

Every option can also be set in the per-user settings or the machine-wide file (%1), under [workstation] with the option&apos;s name; the command line wins, then the per-user settings, then the machine-wide file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder (default: $OW_CATALOGUE, else the newest synced catalogue, else the setup asks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall code that starts every case number: the county&apos;s 6-digit GB/T 2260 code and a 2-character hall number, e.g. 33030201.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This counter&apos;s number, 0–99.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s onewindow-server, e.g. https://onewindow.example:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-time enrolment code, used once at the first start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work without a server (no enrolment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the machine-wide settings from this file (default: $OW_MACHINE_CONFIG, else %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the hall setup even when this workstation is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more (see the details, or run onewindow-cli catalogue lint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue in %1 could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Start with --catalogue FOLDER or set OW_CATALOGUE to a catalogue folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: zh_CN (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the case database (default: the application data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes; 0 never locks (default: 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s settings file (name, seal, wording of the documents).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print documents on the default printer without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter&apos;s device settings, an INI file (default: devices.ini in the data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has no screens for the role %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s own translations for %1 are not installed (Debian package qt6-translations-l10n): Qt&apos;s dialogs and standard buttons will be in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions in a practice quiz (Help → Practice…), 1–50 (default: 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pass mark of a practice quiz, in percent of the score (default: 80).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::LayeredConfig</name>
    <message>
        <source>command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per-user settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine-wide file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::LibraryMessages</name>
    <message>
        <source>An image is too large to open: it would need more than %1 MB of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PNG image is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PNG image has a small defect, which is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JPEG image is damaged or incomplete; what could be read of it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image carries a colour profile that cannot be used; its colours are taken as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image could not be read as expected: the file is damaged or of a kind that is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::MachineConfig</name>
    <message>
        <source>The configuration file %1 cannot be read; check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::TextFile</name>
    <message>
        <source>cannot open file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is not valid UTF-8 text (save it as UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is a folder; a file is expected here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::accounts</name>
    <message>
        <source>The accounts in %1 were written by a newer OneWindow (accounts schema version %2; this program knows up to %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 of the accounts (%2) failed and was rolled back: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login name or the password is wrong, or the account is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs both letters and digits or other signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator already exists; log in with an existing account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login name is one word without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs the clerk&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login name %1 is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating the account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs at least one role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account %1 is locked until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login name or the password is wrong, or the account is disabled. A password changed at this counter on %1 was not taken by the hall&apos;s server; the password the server holds is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 is not a password hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department receiver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::authoring</name>
    <message>
        <source>the catalogue folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this file is not UTF-8 text, so it cannot be edited here; save it as UTF-8 first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entry starts on this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is one line; it cannot hold a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an id is one word of ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry to add needs its first line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the entry&apos;s lines one by one, without line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry to add after is not among the entry&apos;s siblings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this entry is already the first of its block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this entry is already the last of its block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this file cannot be edited here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s lines are no longer those this change was made for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file to check it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file was changed on disk since it was opened here; nothing was saved, so that neither change is lost. Compare the two, then open the catalogue again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be written and keeps its old content: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(saved before it: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new file goes into materials/, matters/ or bundles/ and is named with ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, ending in .txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue already has a file of this name; a new file never replaces one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::authoring::ConditionRows</name>
    <message>
        <source>this condition is nested deeper than rows in groups can show: edit it as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter has no question &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「%1」 is not asked before this entry; a question&apos;s condition may only use earlier questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this comparison does not suit the kind of 「%1」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose only one option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「%1」 has no option &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lies outside the range of 「%2」 (%3 to %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lower bound %1 is above the upper bound %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::authoring::EntryCondition</name>
    <message>
        <source>this entry takes no condition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::authoring::NewEntry</name>
    <message>
        <source>New material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New frequently asked question?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::authoring::NewMatterFile</name>
    <message>
        <source>Write the matter&apos;s code from the provincial catalogue, e.g. 330302-WJ-009.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A code is ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting with a letter or a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue already has a matter with this code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the matter&apos;s name as the catalogue of matters has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the department the matter belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promised case needs its promised working days, 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::authoring::SampleMarks</name>
    <message>
        <source>This material has no sample image yet. Put the image in the catalogue&apos;s samples folder (for example samples/%1.png) and choose it with &quot;Choose the sample image&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample line names no image. Put the image in the catalogue&apos;s samples folder (for example samples/%1.png) and choose it with &quot;Choose the sample image&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image %1 lies outside the catalogue folder; copy it into the folder&apos;s samples folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image %1 is not in the catalogue folder; add the file or correct the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image %1 is a folder, not an image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image %1 cannot be read: it is not a whole PNG or JPEG image (cut short or damaged). Export the image again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the material has no sample line to add a mark to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sample image must be inside the catalogue folder (in its samples folder); copy it there first: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::cases</name>
    <message>
        <source>The applicant form is incomplete: %1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applying unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact&apos;s mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s province, city and district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its folder could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 changed while it was being stored; scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an attachment hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 is damaged: its content no longer matches its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 follows row %2: the rows between were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 does not link to the row before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log ends at row %1 but its head records row %2: rows were removed or added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 does not match the recorded head of the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head of the audit log is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waived, to be supplied later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetched by data sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplied later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored case data is damaged: %1 is not readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer to question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a material check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kind of an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first event of a case must open its draft, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case already exists (it is “%1”); it cannot be opened again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is closed (“%1”); its data can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is already “%1”; the late event “%2” would move it backwards and was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is closed (“%1”); it cannot become “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case that is “%1” cannot become “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid case number: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid hall code: it must be a 6-digit county code followed by 2 letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case number needs a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily sequence %1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it must have %1 letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it may contain only digits and the letters A–Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the check character does not match (mistyped?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sequence is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case database %1 was written by a newer OneWindow (schema version %2; this program knows up to %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 of the case database (%2) failed and was rolled back: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correction notice issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted with waiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferred to the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplement requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result ready for pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case data changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no case with the number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 (%2) is not in the attachment store; store the file before the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has no counter number (0–99); cases cannot be numbered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every case needs the clerk who opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This counter has already numbered %1 cases today; no numbers are left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every event needs the clerk who recorded it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case has this QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storing a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 is not in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the attachments of a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the events of a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event of case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queueing an event for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbering a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material %1 fails a review point: issue a correction notice instead of accepting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material %1 is missing: issue a correction notice, or waive it if it may be waived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material %1 is waived: the case must be accepted with waiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material %1 may not be waived for this matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The waived material %1 needs the date by which it must be supplied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance with waiver needs at least one waived material with its supplement deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A correction notice must tell the applicant what is missing or wrong; nothing is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refusal or denial must state its reasons in writing (payload “reasons”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned code is not a case link of this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no case database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking outbox rows as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking an outbox row as failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording an upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event from the server has no id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>%n working day overdue</numerusform>
            <numerusform>%n working days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>no deadline yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no holiday calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code on the receipt or type the case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned code is not a case link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of case %1 was already picked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of case %1 was already mailed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not ready for pickup: it is “%2”. Nothing can be handed out yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the person who collects the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collector&apos;s ID number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID number is not the applicant&apos;s. If someone else collects the result, choose “agent”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case that is “%1” awaits no supplement; nothing handed in can be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case that is “%1” has no paper to put on a transfer list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case that is “%1” is not handed over; its folder cannot be flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplement handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put on a transfer list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged at a handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no draft %1 (it was finished or discarded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient&apos;s mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of case %1 cannot be mailed: the mailing address lacks %2. Record the address first, or hand the result over at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper is waiting for department %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not the code of a transfer list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfer list %1 is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer list %1 was confirmed already, on %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the cases of transfer list %1 can be handed over any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a time of day (HH:MM, e.g. 11:30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover times must be in ascending order without repeats: %1 after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailing address lacks %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mobile “%1” is not a mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postcode “%1” is not six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no clerk activity of kind “%1”; the kinds are consultation and practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clerk activity needs an id of at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clerk activity needs the clerk&apos;s staff number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clerk activity needs its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clerk activity needs the matter it was about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A practice needs its score (0 to maxScore, whole numbers), maxScore and whether it passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn by the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consultation&apos;s answers (answers) are an object of question ids and answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consultation&apos;s question (question) is a text of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consultation&apos;s answer (answer) is a text of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consultation&apos;s checklistPrinted is true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consultation needs whether the checklist was printed (checklistPrinted), or a recorded question and answer (question, answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel: choose the window, the 12345 hotline or online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant: type the complainant&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant: a name of at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile: type the number the reply goes to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile: %1 is not a mobile number (11 digits, 1[3-9]…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content: write what the complaint is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content: at most %1 characters (now %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case: %1 is not a case number (23 characters, the last one a check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk: a staff number of at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter: a matter code of at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by: sign in before recording a complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: the time the complaint came in is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department announced the document with an impossible size (%1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withdrawal must give the applicant&apos;s reason in 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withdrawal must name who asked for it in 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withdrawal must say whether the applicant or an agent asked for it (“%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::catalogue</name>
    <message>
        <source>a bundle needs an id; write &apos;bundle ID: NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; needs a name; write &apos;bundle %1: NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown department &apos;%1&apos; (departments are defined in departments.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; has no &apos;lead&apos;; add &apos;lead: ID&apos; with the id of the lead department from departments.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; lists fewer than two matters; a bundle needs at least two &apos;matter CODE&apos; lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; is listed twice in bundle &apos;%2&apos;; the first is at line %3 (list each matter once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; lists matter &apos;%2&apos;, which is not in the catalogue; correct the code or add the matter under matters/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is preset twice for matter &apos;%2&apos; (first at line %3); keep one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has no question &apos;%2&apos; to preset; correct the question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number, but question &apos;%2&apos; asks for one; preset a number such as 150</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside the range question &apos;%2&apos; allows; preset a number within its &apos;min&apos; and &apos;max&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is single-choice; preset exactly one of its options: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has no option &apos;%2&apos;; its options are: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify original, keep copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper or electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>technical document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>form review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data-shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waivable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1: situation %2 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1: situation %2 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1: situation %2 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no differences in any situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no &apos;%1&apos; folder; create it and put the %1 files (*.txt) in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue folder has no %1; create it, starting with a line like &apos;%2&apos; (see the catalogue format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue.txt describes one catalogue, which starts at line %1; remove this second &apos;catalogue&apos; line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue.txt has no &apos;catalogue ID: NAME&apos; line; add one, with version and issued under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue needs an id and a name; write &apos;catalogue ID: NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version &apos;%1&apos; contains a space; write it without spaces, e.g. 2026.11.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date; write the release date as YYYY-MM-DD, e.g. 2026-11-20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a region code; write the six-digit GB/T 2260 code, e.g. 330302</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no &apos;%1&apos;; add a line like &apos;%2&apos; under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department &apos;%1&apos; is defined twice; the first definition is at %2 (remove one, or give it another id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>material &apos;%1&apos; is defined twice; the first definition is at %2 (remove one, or give it another id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter code &apos;%1&apos; is used twice; the first matter with it is at %2 (each matter needs its own code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; is defined twice; the first definition is at %2 (remove one, or give it another id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a file, not a catalogue folder; give the folder that holds catalogue.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue folder &apos;%1&apos; does not exist; check the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (and %2 more errors; run &apos;onewindow-cli catalogue lint&apos; to see them all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition mentions question &apos;%1&apos;, but matter &apos;%2&apos; has no questions; add the question or correct the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition mentions question &apos;%1&apos;, which matter &apos;%2&apos; does not have; its questions are: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this condition belongs to question &apos;%1&apos; and cannot mention &apos;%1&apos; itself; it may only use questions written before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this condition of question &apos;%1&apos; mentions question &apos;%2&apos;, which is written after it (line %3); a question&apos;s condition may only use earlier questions, so move &apos;%2&apos; up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a multi-choice question; compare it with &apos;has&apos; or &apos;has any (…)&apos;, not with &apos;=&apos;, &apos;!=&apos; or &apos;in&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a single-choice question; compare it with &apos;=&apos;, &apos;!=&apos; or &apos;in (…)&apos;, not with &apos;has&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a choice question, not a number question; compare it with one of its options: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a number question; compare it with a number, e.g. &apos;%1 &gt;= 150&apos;, not with an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected end of condition: expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown character U+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown character &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 but found the reserved word &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 but found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition is empty: write a condition or leave out the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;: there is no &apos;(&apos; it could close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;and&apos;, &apos;or&apos; or the end of the condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition is nested too deeply (more than %1 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected end of condition: a closing &apos;)&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;and&apos;, &apos;or&apos; or &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;answered&apos; needs a question id in parentheses, as in answered(q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a question id in &apos;answered(…)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;)&apos; after the question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number &apos;%1&apos; is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option id after &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option id after &apos;has&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;in&apos; needs a list in parentheses, as in q in (a, b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;has any&apos; needs a list in parentheses, as in q has any (a, b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;=&apos;, &apos;!=&apos;, &apos;in&apos;, &apos;has&apos; or a comparison after the question id &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list in parentheses is empty: write at least one option id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;)&apos; in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter “%1” has more than %2 situations, so it was checked only in part. Split it into sub-items or ask fewer questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” is required by no matter in any situation. Require it where it is needed, or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” has no review point. Add form-point and content-point lines that tell the clerk what to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” is a form but has no sample. Add a `sample:` line with the form filled in with example data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” is a certificate but has no sample. Add a `sample:` line with a standard sample of the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” is a technical document but has no outline. Add an `outline:` line with the content outline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” is an application or pledge but has no reference text. Add a `reference-text:` line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material “%1” has the catch-all name “%2”. Name the document itself, as it is written on the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question “%1” is asked in no situation. Correct its condition, or the conditions of the questions it depends on, or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option “%1” of question “%2” is offered in no situation. Correct its condition or remove the option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whatever is answered to question “%1”, the checklist and the questions asked after it stay the same. Add the materials that depend on its answer, or remove the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options “%1” and “%2” of question “%3” lead to the same checklist in every situation. Merge them: split a situation only where a material differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition “true” always holds. Remove it when you are done editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition “false” switches this line off: it never applies. Remove the line or the condition when you are done editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition “%1” holds in every situation where it is evaluated, so it changes nothing. Remove it, or correct it if it should exclude some situations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition “%1” is false in every situation, so this line never applies. Correct the condition or remove the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot stand at the start of a line in this file; the keywords allowed here are: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot stand under &apos;%2&apos;; the keywords allowed there are: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; lacks its &apos;:&apos;; write &apos;%1: %2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no id, but &apos;%2&apos; is written before the &apos;:&apos;; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a value; write &apos;%1: VALUE&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs an id; write &apos;%1 ID: TEXT&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; needs a text after &apos;:&apos;; write &apos;%1 %2: TEXT&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs an id; write &apos;%1 ID&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; takes no value after &apos;:&apos;; write the details on indented lines under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is written twice here (first at line %2); keep only one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing may be indented under &apos;%1&apos; (line %2); remove the indentation or move this line where it belongs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a yes/no value for &apos;%2&apos;; write yes or no (also 是/否, true/false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for &apos;%2&apos;; write a whole number of at least %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number for &apos;%2&apos;; write a decimal number such as 15 or 0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for &apos;%2&apos;; use one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is outside the catalogue folder; copy the file into the folder and write its path relative to the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file &apos;%1&apos; for &apos;%2&apos; is not in the catalogue folder; add the file or correct the path (paths are relative to the catalogue folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a material needs an id; write &apos;material ID: STANDARD NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>material &apos;%1&apos; needs its standard name; write &apos;material %1: NAME&apos; with the name printed on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>material &apos;%1&apos; has no &apos;category&apos;; add &apos;category: form&apos; (or certificate, technical, application, pledge, other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample &apos;%1&apos; is not a PNG or JPEG image that can be read; save it as PNG or JPEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a rectangle; write &apos;mark %2: X, Y, WIDTH, HEIGHT&apos; in whole image pixels, width and height above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark &apos;%1&apos; names no review point of material &apos;%2&apos;; add &apos;form-point %1: …&apos; or &apos;content-point %1: …&apos; to the material, or correct the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark &apos;%1&apos; (%2, %3, %4 × %5) reaches outside the sample image, which is %6 × %7 pixels; correct the rectangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review point &apos;%1&apos; of material &apos;%2&apos; is defined twice; the first definition is at %3 (give each point its own id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review point &apos;%1&apos; is added twice to material &apos;%2&apos; by this requirement; the first is at %3 (give each point its own id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a matter needs its code; write &apos;matter CODE: NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; needs a name; write &apos;matter %1: NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has no &apos;department&apos;; add &apos;department: ID&apos; with an id from departments.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promised matter &apos;%1&apos; has no &apos;promised-days&apos;; add the working days promised, or write &apos;kind: immediate&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a promised matter needs at least 1 promised working day; correct the number, or write &apos;kind: immediate&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an immediate matter is decided on the spot and has no promised days; remove &apos;promised-days&apos; or write &apos;kind: promised&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; requires no material; add at least one &apos;require MATERIAL-ID&apos; line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is a number question and takes no options; remove &apos;type: number&apos; or the option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; only applies to number questions; add &apos;type: number&apos; to question &apos;%2&apos; or remove the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the maximum of question &apos;%1&apos; is below its minimum (line %2); correct one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single-choice question &apos;%1&apos; needs at least two options; add &apos;option ID: LABEL&apos; lines under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-choice question &apos;%1&apos; needs at least one option; add &apos;option ID: LABEL&apos; lines under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is defined twice in matter &apos;%2&apos;; the first definition is at line %3 (give each question its own id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option id &apos;none&apos; is reserved for an empty multi-choice answer; choose another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option id &apos;%1&apos; must start with a letter, so it cannot be mistaken for a number; rename it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option &apos;%1&apos; of question &apos;%2&apos; is defined twice; the first definition is at line %3 (give each option its own id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;materials&apos; lists no material id; write the ids separated by &apos;,&apos;, e.g. &apos;materials: id-card, floor-plan&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review point &apos;%1&apos; is already defined by material &apos;%2&apos; at %3; give this matter&apos;s point another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown material &apos;%1&apos; (materials are defined in the files under materials/); correct the id or define the material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stopped after %1 situations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>basic material (every situation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer is written QUESTION=OPTION (or QUESTION=a+b, QUESTION=150), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1 has no question &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has no option &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line must start with a keyword before &apos;:&apos;; write it as &apos;keyword [id] [: value]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a keyword; keywords are written in lower-case ASCII letters, digits and &apos;-&apos; (see the catalogue format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid id; ids use ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and start with a letter or a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after &apos;%2 %3&apos;; a line holds at most one id, and its value follows a &apos;:&apos; (is the &apos;:&apos; missing?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line contains a tab; use spaces instead (set your editor to insert spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line is indented with a tab; indent with two spaces per level (set your editor to insert spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line is indented with a character that is not a plain space (a full-width space?); indent with two plain spaces per level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line is indented by %1 spaces; indent by two spaces per level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line is indented, but there is no line above it to belong to; remove the indentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line is indented by %1 spaces, more than one level (two spaces) deeper than the line it belongs to, which is indented by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; for &apos;%2&apos; is a folder, not a file; write the path of a file in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; for &apos;%2&apos; is a link to a file outside the catalogue folder; copy the file into the folder instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a link to a file outside the catalogue folder; copy the file into the folder instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply instead for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; refers matter &apos;%2&apos; to itself; name the other matter the applicant needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; refers to matter &apos;%2&apos;, which is not in the catalogue; correct the code or add the matter under matters/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guide code has a broken escape: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guide code is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a guide code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guide code names no matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guide code has more than %1 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer of the guide code is not QUESTION=VALUE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No condition compares question “%1” with a number, so whatever is answered, the checklist and the questions asked after it stay the same. Add a condition such as “%1 &gt;= 150” where a material depends on it, or remove the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whatever number is answered to question “%1”, the checklist and the questions asked after it stay the same. Correct the conditions that compare it, or remove the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question “%1” is only asked past outcome “%2”, which ends the walk before it (line %3). Move the question before the outcome&apos;s questions, narrow the outcome&apos;s condition, or remove the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; has no &apos;reason&apos;; add &apos;reason: TEXT&apos; saying why, as the applicant is told it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; has no &apos;when&apos;; add the condition under which it ends the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; refers the applicant elsewhere; add &apos;matter: CODE&apos; naming the matter to apply for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;not-required&apos; outcome names no matter; remove the line or write &apos;refer&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; is defined twice in matter &apos;%2&apos;; the first definition is at line %3 (give each outcome its own id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not handed in (data sharing, fetched by the counter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample &apos;%1&apos; of material &apos;%2&apos; does not decode: the file is cut short or damaged; save or export the image again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has more than %2 questions, more than lint and paths check; split it into sub-items (子项)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has more than %2 options, more than lint and paths check; group the options or split the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has more than %2 requirement lines, more than lint and paths check; split it into sub-items (子项)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number question &apos;%1&apos; is compared with a number more than %2 times, more than lint and paths check; compare it with fewer thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number from %2 to %3, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number of at least %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number of at most %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guide code holds a character it cannot carry unescaped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has no matter or bundle “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the chosen matters has a situation in which the applicant brings materials: there is nothing to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pre-application code is not longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a pre-application code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text of &apos;%1&apos; is %2 characters long; at most %3 are allowed, so shorten it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faq &apos;%1&apos; has no &apos;answer&apos;; add &apos;answer: TEXT&apos; indented under it, as the counter tells it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faq &apos;%1&apos; is defined twice in &apos;%2&apos;; the first definition is at line %3 (give each faq its own id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::cli</name>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the year files (2025.txt, …) in this folder instead of the calendar built into the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli calendar add-workdays|is-workday|list ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown calendar command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>expected %n argument(s); see --help</source>
        <translation>
            <numerusform>expected %n argument; see --help</numerusform>
            <numerusform>expected %n arguments; see --help</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date written YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date N working days after DATE: DATE itself is not counted, then only working days count (Administrative Licensing Law art. 82), holidays and swapped working weekends as the State Council announced them. A negative N counts backwards. Fails (exit 1) when the count needs a year the calendar has no data for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start date, YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calendar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether DATE is a working day, and why. Exit 0 for a working day, 1 for a day off, 2 when it cannot be told (bad date, or a year the calendar has no data for).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is a working day: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is not a working day: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holidays and swapped working days of YEAR, with the notice they come from and the number of working days. Fails (exit 1) for a year the calendar has no data for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar has no data for %1; it covers %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, calendar version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 working days in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation&apos;s data folder (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown case command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli audit verify [--data-dir DIR] [--json]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown audit command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List cases, newest first, with the applicant masked. Filters combine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cases in this state: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cases opened on or after this date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cases opened on or before this date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cases whose number, matter or masked applicant contains TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N cases (1–1000, default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the first N cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos;; use one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid --from, --to, --limit or --offset; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one case with its checklist, material checks and event log; personal data masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case type</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n working day(s)</source>
        <translation>
            <numerusform>%1, %n working day</numerusform>
            <numerusform>%1, %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 at counter %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (calendar %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the hash chain of the audit log. Exit 0 when intact, 1 with the first broken row when a row was changed, inserted or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact: %n row(s) verified.</source>
        <translation>
            <numerusform>Audit log intact: %n row verified.</numerusform>
            <numerusform>Audit log intact: %n rows verified.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log broken at row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown catalogue command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue in %1 could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a catalogue folder: every problem with file and line. Exit 1 when there are errors, 0 with warnings only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matters, %2 questions, %3 situations, %4 materials, %5 bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no matter with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two catalogues: which situations gained or lost which materials. Exit 0 when equal, 1 when they differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the older catalogue folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newer catalogue folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find matters and bundles by name, keyword, code, full pinyin or pinyin initials (e.g. ggcswsxk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what to look for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many results (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[bundle] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no matter matches &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli idcard decode FILE
       onewindow-cli idcard read --port PORT | --usb [--timeout S]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown idcard command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode one reply frame of an ID card reader (hex text or binary) and print its fields as JSON. Exit 1 when the frame is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recorded frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no frame of an ID card reader (no AA AA AA 96 69).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: only the first frame was decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for one ID card on a reader and print its fields as JSON. Exit 1 when no card is read in time, 2 when the reader cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial port of the reader (COM3, /dev/ttyUSB0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a USB reader (0400:C35A, 0316:5020).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --usb: the reader&apos;s VID:PID instead of the known ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for a card (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also read the fingerprint data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the photo to FILE as BMP; needs the reader vendor&apos;s decoding library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --port PORT or --usb, and a positive --timeout; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a USB id like 0400:C35A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ID card was placed on the reader within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a value the way the counter does and print its parts, or why it is invalid.
  id     citizen ID number (GB 11643): area, birth date, sex
  uscc   unified social credit code (GB 32100): authority, category, area
  phone  mainland mobile or landline number
Exit 0 when valid (warnings are printed but do not fail), 1 when invalid, 2 on a usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id, uscc or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli validate id|uscc|phone VALUE [--json] (--help for more)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind &apos;%1&apos;: use id, uscc or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid citizen ID number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in GB 32100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid unified social credit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid mobile number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid landline number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a number%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored answer %1: not asked in this situation, or not a valid option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>situation reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next question: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checklist (%1 materials):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s settings file (INI) over the built-in defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder (default: $OW_CATALOGUE, else the demo catalogue).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper width of PNG receipts: 80 (576 dots, default) or 58 (384 dots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli document sample|render|check-settings ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown document command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents are drawn with fonts, which need a QGuiApplication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--receipt must be 80 or 58</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print every document for the demo case (hotel hygiene permit 330302-WJ-001, applicant 张三): KIND.pdf and KIND-receipt.png each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write to (created if needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out DIR is required; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one document of a case in the local database: a PDF, or a thermal receipt image when FILE ends in .png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write (.pdf or .png).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--case, --kind and --out are required; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown document kind &apos;%1&apos;; use one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 has no decision that issues a %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli camera list [--all] [--json]
       onewindow-cli camera process IN OUT [--no-crop] [--no-deskew] [--rotate N] [--quality Q] [--max-edge PX] [--json]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown camera command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the cameras Qt Multimedia sees, each with the format OneWindow would run it at (the largest, MJPEG when large). The id goes into the setting camera/device. Exit 1 when there is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list every format each camera offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  runs at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no format listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  offers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process a document camera photo as the workstation does: find the page against the desk, crop and level it, turn it, limit its size, and write OUT (JPEG for .jpg/.jpeg, else by suffix, e.g. .png). Exit 1 when cropping was asked for but no page was found (OUT is then the whole photo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo (JPEG, PNG, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the whole photo (the setting camera/autoCrop=false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop without turning the page level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter turns clockwise after cropping (-3 to 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG quality, 1 to 100 (default 85).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest edge in pixels, 0 to 20000; 0 keeps the photo&apos;s size (default 2480).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--rotate takes -3 to 3, --quality 1 to 100, --max-edge 0 to %1; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown image type or no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page found: %1 px around (%2, %3), tilted %4°.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: %2 px, %3 kB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a department&apos;s decision or stage for a case on the central server: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who recorded it at the department (default: cli).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason (repeat for several; needed for denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A material to supply, ID:NAME:DEADLINE (repeat; needed for supplement-requested).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An idempotency key, so a repeated command records once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case status needs a KIND (%1), --server URL and --key KEY; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid --material &apos;%1&apos;: use ID:NAME:YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a catalogue folder to the central server, which makes it the current version for every counter. The catalogue is linted here first; errors stop the publication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A publisher key from the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue publish needs --server URL and --key KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has errors; nothing was published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published %1 version %2; it is now current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 version %2 was already published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s data folder (its SQLite database, when --database is not given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s database with --database or --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown server command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall code the workstation numbers its cases with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter id ending in its number 1-99, e.g. W07.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department id, as the catalogue names it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who publishes with the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a one-time enrol code (valid 24 hours) for a counter workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a key for a department&apos;s system: its cases only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a key that may publish catalogues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id:     %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until %1 (UTC), once
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is shown only now: the server keeps only its hash.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke a workstation token, department or publisher key, or an unused enrol code, by id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the server&apos;s credentials: ids and bindings, never secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown sync command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol this workstation with the central server using a one-time code from the server&apos;s administrator. The token, hall and counter are kept in the workstation&apos;s database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://onewindow.example:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time enrolment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine&apos;s name for the server (default: host name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync enrol needs --server URL and --code CODE; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled as counter %1 (number %2) of hall %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the sync state of the workstation&apos;s database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled with a server (onewindow-cli sync enrol).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1 (hall %2, counter %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events waiting: %1; rejected: %2; delivered: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans waiting: %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes cursor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the outbox and scans to the server and pull the hall&apos;s changes: one round with --once (exit 1 when it fails), else until stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run one round and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per upload request (default 1 MiB, at most 4 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between rounds when not run once (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid --chunk-size or --poll; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server (onewindow-cli sync enrol).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 events (%2 rejected), uploaded %3 scans (%4 bytes); received %5 events, imported %6 cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the cases of a hall that two counters decided differently (accepted at one, refused at another): a supervisor settles each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--hall is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicting decisions in hall %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2, then %3 (detected %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a hall&apos;s settings file as the workstation and the documents load it: every key known, every wording with exactly the placeholders of its default, no control characters, every value within its length. Exits 1 with file:line and what is wrong when the file would be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s settings file (INI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the hall settings are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli sync enrol|status|run|retry-scan|discard-scan ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up a scan that cannot be read: the events waiting for it are sent without it. Scan the material again and attach it to the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a scan set aside again at the next sync round (after the file was restored).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan&apos;s SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scan %1 is set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 is discarded: the events waiting for it go without it at the next round. Scan the material again and attach it to the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 will be read again at the next round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan discarded: %1 (cases %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan set aside: %1 (cases %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Scan the material again and run: onewindow-cli sync retry-scan SHA256, or onewindow-cli sync discard-scan SHA256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected event %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server clock minus this clock: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List how far each workstation&apos;s clock was from the server&apos;s when it last sent events (positive: ahead). The server orders nothing by these clocks; a clock off by more than two minutes should be set right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  clock off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server&apos;s database: every page and index of an SQLite file (PRAGMA integrity_check) and the schema version. Exits 0 when sound, 1 when damaged, 2 when it cannot be opened. Run it with the server stopped, or on a backup copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1 is newer than this program knows (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sound (schema version %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged. Restore it from a backup (docs/deployment.md, “Recovery”):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the new password from the first line of standard input instead of generating one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on the hall-wide accounts in the server&apos;s database (sqlite:PATH or postgresql://…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on the hall-wide accounts of the server whose data folder this is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall whose accounts to change (with --database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lockout is kept by the workstation where the wrong passwords were typed; unlock it there (--data-dir), or reset the password here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s accounts are per hall: give --hall HALL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli account add|list|disable|enable|reset-password|roles|rename|unlock|pull ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown account command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial password of %1 (shown only now; it must be changed at the first login): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a clerk: STAFF_NUMBER is the 工号 typed at login. The password is generated and printed once unless --password-stdin is given; the clerk replaces it at the first login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk&apos;s name, as printed on documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles separated by commas: intake, pickup, supervisor, admin, catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account add needs --name NAME and --roles with known roles (intake, pickup, supervisor, admin, catalogue); see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the accounts: staff number, name, roles, state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable a disabled account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable an account: the clerk can no longer log in; the account is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give an account a new password (generated and printed once, or --password-stdin); the clerk must replace it at the next login. Also lifts a lockout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace an account&apos;s roles (intake, pickup, supervisor, admin, catalogue; comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roles, e.g. intake,pickup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown roles &apos;%1&apos;: use intake, pickup, supervisor, admin, catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now holds: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the clerk&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift a lockout after wrong passwords before its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) changed.</source>
        <translation>
            <numerusform>%n account changed.</numerusform>
            <numerusform>%n accounts changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the passwords clerks changed at this workstation to the server it is enrolled with, then fetch the hall&apos;s accounts and bring the local cache up to them (hashes only): new clerks can log in here, also offline afterwards, and clerks disabled on the server are refused. The background sync of the workstation does the same every round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli case list|show|check-store ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case number as printed on the receipt (dashes and spaces allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case show needs the case number; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the scan folder with what the cases and the intake drafts cite. Exit 0 when they agree, 1 listing every scan file nothing cites (an orphan, e.g. left by a crash) and every scan cited but missing. Nothing is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orphan scan (no case or draft cites it): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing scan (cited, not in the folder): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store sound: every scan is cited and every cited scan is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 orphan scan(s), %2 missing scan(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a case number as printed on the receipt (23 letters and digits, e.g. 33030201-20260315-010001-7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of an enrolled workstation of the hall (a kiosk&apos;s, a counter&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli queue issue|call|list|stats|appoint --server URL --key KEY ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown queue command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %1 needs --server URL and --key KEY; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a ticket (取号): the server dispatches it to the counter that will be free soonest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service area (default: the hall&apos;s first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter&apos;s code, when known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s id, when known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number for the three SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>绿色通道: elderly, disabled, pregnant or serving soldier (called first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 (id %2): %3; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any counter of its area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the counter, e.g. W05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number of the clerk at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for counter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 calls %2 (id %3), taken from another counter&apos;s line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 calls %2 (id %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s tickets of a day, in the order they were issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only tickets still waiting, called or being served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The day&apos;s figures: waiting and service times, per counter and per hour, share served within the target wait, no-shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue figures of %1 (target wait %2 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p90 wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book an appointment (预约): on arrival it becomes a ticket called before walk-ins inside its window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the window, e.g. 2026-03-02T09:00 (local time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking system&apos;s own reference (12345, online booking).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue appoint needs --matter CODE and a window --from TIME --to TIME (ISO 8601, the end after the start); see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment %1 booked for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s accounts could not be fetched yet (%1); the sync brings them, or run onewindow-cli account pull.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) of the hall fetched.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The hall&apos;s code (8 digits), for a list made here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter&apos;s number (0–99), for a list made here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number of the clerk who makes or receives the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli transfer slots|list|print|confirm|pending [--data-dir DIR] ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown transfer command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--counter takes a number from 0 to 99, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s handover slots (交接时段): the times the counter&apos;s paper goes to the departments, and the end of the day after which an unconfirmed list is reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover slots: %1
Day ends: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer lists made on a day (default: today), with their folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--date takes YYYY-MM-DD, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfer list on %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3 folders, %4 pages  %5
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a department&apos;s waiting paper on the list of the current handover slot (or take an existing list by its id) and write the list and its folder labels as PDF into --out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department&apos;s id, or a transfer list&apos;s id or QR text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer print needs --out DIR; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer list %1: %2 folders for %3.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver confirms a transfer list with the folders handed over (each folder label&apos;s scan): the folders on it become transferred, a missing or extra folder is flagged (exit 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer list&apos;s id or the text of its QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the scanner read from a folder label (repeat per folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer confirm needs --clerk STAFF_NUMBER; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: %1 folders
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer lists not confirmed although their day is over (for the supervisor); any exits 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many days back to look (default 14).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days takes a number from 1 to 366, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfer list is waiting for confirmation.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3 folders, made by %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a key for a hall&apos;s supervisors: its warnings, follow-ups and figures (onewindow-cli supervision).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who holds the key (a supervisor or their office).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no application needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apply instead for: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continue with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no checklist: a case cannot be accepted on an outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; has no matter &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is asked by several matters of the bundle (%2); write MATTER:%1=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; of matter %2 is answered by the bundle itself; leave it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; of matter %2 is answered twice; give one --answer per question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered by the bundle: %1=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every matter of the bundle reached its situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions are still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bundle with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter&apos;s code (this or --bundle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle&apos;s id: its matters as the workstation asks them, and the merged checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer: QUESTION=OPTION, QUESTION=a+b (multi choice; none for no option), QUESTION=150 (number, within its min and max). One per question; repeat for more. In a bundle, MATTER:QUESTION=... names the matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --matter CODE or --bundle ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is answered twice; give one --answer per question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor key of the hall (onewindow-cli server supervisor-key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown supervision command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervision %1 needs --server URL and --key KEY; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s warnings (预警), red first: each with its case, matter, stage, the department or clerk who answers for it and since when. Without --day: today&apos;s, recorded in the server&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warnings as they stood at the end of this day (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this department&apos;s (its id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recorded history instead: opened and closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hall %1, %2: %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Per matter: the volume of cases and its frequency class (高 top 100, 中 101–400, 低 the rest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases decided on or after this day (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases decided on or before this day (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad-rating follow-ups (差评整改): without ACTION, every item with its deadlines; contact ID records who called the applicant back and what was agreed; close ID closes it with how it was fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list (default), contact or close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item&apos;s id (contact and close).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who called or closes (a name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact: what was agreed with the applicant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close: how it was fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: only the items not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>followup %1 takes the item&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded the call-back of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>followup takes list, contact ID or close ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  rating %2  case %3  %4 (%5)  call back by %6, fix by %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    called back by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    closed by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the 督办单 (supervision notice) of each department with warnings, or of one, as PDF files into a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warnings of this day (default: today&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this department&apos;s notice (its id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder the PDF files go into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervision notice needs --out DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warnings on %1: no notice to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n warning(s) → %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This bundle instead of the matters: every combination of its matters&apos; situations, with the merged checklist and the matters each line serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every bundle instead of the matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one of --matter, --bundle and --bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every situation of every matter with its checklist, or the screening outcome it ends in, in a fixed order (the golden output of a release).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer a matter&apos;s questions and show what the clerk sees: the questions asked, the next one, and the checklist with reasons, or the screening outcome (no application needed, or another matter to apply for) that ends the walk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the next ticket (叫号) at a counter; the counter must be open with the clerk logged in, and --key must be that counter&apos;s workstation key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Submitted version %1 as submission %2: %n review item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n situation(s) to walk at the counters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case taken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practice passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerks&apos; points (积分) of a month, most first, with each clerk&apos;s grade (考级, 1–5) and the matters the clerk is qualified for; with --clerk, every item that makes the clerk&apos;s total and what earned it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month (YYYY-MM; default: this month).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One clerk&apos;s items (the staff number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, %3: %4 points, grade %5, qualified for %6 matter(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall %1, %2: points and grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 %3: %4 points, grade %5, qualified for %6 matter(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a clerk&apos;s points: recorded as a correction with its reason among the clerk&apos;s items, never as a change of what was earned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk (the staff number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to add (negative to take away), not 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who corrects (default: the user running the command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month it counts in (YYYY-MM; default: this month).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervision correct-points needs --clerk STAFF, --points N (a whole number) and --reason TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded %1 point(s) for %2 in %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue folder (none with --submission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish an accepted submission instead (reviewed 高, walked, signed off), effective on its day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --submission: another day it takes effect, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue publish takes DIR, or --submission ID without DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published version %1; counters use it from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli catalogue lint|paths|diff|walk|search|quiz ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A practice quiz: each question tells a real situation of a matter; type the numbers of the materials the applicant must bring, and the counter&apos;s engine marks the answer with the review points of what was missed. Exit 0 when the quiz passes, 1 when not. --json prints the quiz with its key instead (for a paper exam). Nothing is recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about this matter or bundle (repeat; default: the whole catalogue).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions in the quiz, 1–100 (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the quiz from this number (default: a random one); the same seed, the same quiz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the score that passes, in percent (default 80).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--questions takes a number from 1 to 100, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pass-mark takes a percentage from 0 to 100, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed takes a whole number, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input ended: %1 of %2 questions answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): not passed, the pass mark is %4%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2: %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter has one situation: no question splits it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials the applicant must bring (numbers, e.g. 1 3 4): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of the list; type the numbers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 / %2: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 / %2: below the pass mark of %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not to be brought: %1 (data-shared: the hall fetches it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not to be brought: %1 (not required in this situation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk activities waiting: %1; refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a department&apos;s material table (CSV or .xlsx, the guide&apos;s columns 序号, 材料名称, 所属情形, 来源渠道, 形式审查要点, 是否容缺, 内容审查要点, 空表, 示例) into one matter of a catalogue folder: materials reused by standard name or created, one requirement per row. All or nothing: a row that cannot be mapped is listed with its reason and nothing is written; the folder must lint without errors afterwards. Exit 1 when nothing could be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table, .csv or .xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder to import into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter whose materials the table lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet of an .xlsx workbook (default: the first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the plan and its lint; write nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue import-table needs --catalogue DIR and --matter CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue in %1 has errors (see catalogue lint); correct them before importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no matter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table %1: header on row %2, %3 rows under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns ignored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>materials created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>materials reused from the library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requirements added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note, row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: correct the rows above in the table (or the catalogue) and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table adds nothing to the matter; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lint with the import: %1 errors, %2 warnings in the files it writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: the catalogue would not lint without errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing was written; without --dry-run these files would be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A publisher key (editors, reviewers), a department key (sign-off) or a workstation&apos;s token (acceptance walks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue %1 needs --server URL and --key KEY; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1: version %2 (%3, effective %4), %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walked at %1 of %2 counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed off by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to sign off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objection (%1) %2: %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit a catalogue folder for business review: linted here first, then the server splits it into review items (every matter, material, bundle and situation changed against the current version).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it changes: 立, 改, 废 or 释.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day counters switch to it, YYYY-MM-DD (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed and on what basis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who edited it (default: the key&apos;s holder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The returned submission this one answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has errors; nothing was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every submission, or one with its items, grades, walks and sign-offs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a submission (default: list them all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade review items of a submission 高, 中 or 低 (中 and 低 need a comment). When every item is graded the submission is reviewed (all 高) or returned to its editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item to grade (repeat for more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item not graded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>高, 中 or 低.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to improve (needed for 中 and 低).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue review needs --item ITEM or --rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changed situations this counter may walk (模拟受理); the key is the counter&apos;s workstation token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that this counter walked a changed situation of a submission, with or without objection; the key is the counter&apos;s workstation token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The situation walked: MATTER/KEY as pending-walks lists it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk who walked it (staff number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong; an objection returns the submission to its editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department&apos;s back office signs off a walked submission, or objects; the key is the department&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs for the department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an earlier published version current again: a new publication with its reason, the history kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version to make current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: 立, 改, 废 or 释.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day counters switch back, YYYY-MM-DD (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 is current again from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock a matter while an editor edits it (it expires by itself), release it, or list the locks held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter&apos;s code (none with --list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who edits it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the lock lasts (default 120).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the editor&apos;s lock instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the locks held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue lock needs MATTER and --editor NAME, or --list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released matter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter %1 is locked for %2 until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every publication: version, effective day, reason, who, rollbacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (rollback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this day (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to this day, included (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this case&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every row to this CSV file (recorded as an export).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 row(s) written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall %1: %2 department action(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its editor takes a submission back before it is published: it is withdrawn, nothing more is walked or signed for it, and the editor&apos;s locks on its matters are released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor who submitted it (with a publisher key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain verified: all %1 row(s) are as they were written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain BROKEN from row %1: %2 Rows from it on cannot be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What departments did through the server with their keys (status reports, transfer lists confirmed, pre-application reviews, catalogue sign-offs), oldest first, with the check of the log&apos;s hash chain. The server records who looked and with which filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only check the log&apos;s hash chain on the server; exit 1 when a row was changed or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case or item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue item maintained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli server enrol-code|department-key|publisher-key|supervisor-key|revoke|list-credentials|conflicts|counters|department-endpoint|deliveries|check ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register where a department&apos;s own system takes the server&apos;s pushes of its accepted and supplemented cases (signed; docs/sync-protocol.md). The signing secret prints once, at the first registration or with --new-secret. Without --url: the endpoints registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department id of the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint&apos;s address (http or https).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the pushes (they queue and wait until --enable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the pushes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new signing secret (the old one stops working at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department %1 has no endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushes to %1 resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushes to %1 paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases of %1 are pushed to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret (shown once; give it to the department&apos;s system): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the pushes to department systems, newest first: pending, delivered or dead (never taken after the attempts or the age the server allows). --resend puts a dead one back in line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the dead letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this dead delivery again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no dead delivery %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery %1 is back in line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings 5/4/3/2/1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call to receipt (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clerk decided a case in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares are of the cases decided at the counter; — where nothing was recorded or no case came with a called ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions the hall&apos;s counters recorded with the answers given, grouped per matter (spaces, punctuation, full or half width and a final 吗 or 呢 ignored; wordings sharing at least 60% of their character pairs taken as one), most asked first: each a proposal for the matter&apos;s FAQ, marked where the published catalogue has it already. The key is a supervisor key or a catalogue editor&apos;s session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions recorded on or after this day (YYYY-MM-DD; default: the last 90 days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only questions asked at least this often (default: 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hall %1, questions since %2 asked at least %3 times: %n proposal(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>[already a FAQ]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli [--lang zh_CN|en] COMMAND ...

Commands:
  catalogue lint DIR             check a catalogue; errors exit 1
  catalogue paths DIR            every situation with its checklist
  catalogue diff OLD NEW         what changed, situation by situation
  catalogue walk DIR --matter CODE --answer Q=OPT ...
                                 the questions and checklist for answers
  catalogue search DIR QUERY     find matters by name, code or pinyin
  catalogue import-table FILE --catalogue DIR --matter CODE [--dry-run]
                                 a department&apos;s material table (CSV, .xlsx) into a matter
  idcard decode FILE             decode a recorded ID card reader frame to JSON
  idcard read --port PORT | --usb [--timeout S]
                                 read one ID card and print it as JSON
  validate id|uscc|phone VALUE   check an ID number, credit code or phone; invalid exits 1
  calendar add-workdays DATE N   the date N working days after DATE
  calendar is-workday DATE       whether DATE is a working day (holidays, swapped weekends)
  calendar list YEAR             the holidays and swapped working days of a year
  case list [--state S] [--json] the cases in the local database, applicant masked
  case show NUMBER               one case with its materials and event log
  case check-store               scan files no case or draft cites, cited scans missing; findings exit 1
  audit verify                   check the audit log&apos;s hash chain; tampering exits 1
                                 (case and audit take --data-dir DIR)
  document sample --out DIR      every printed document for the demo case (PDF + receipt PNG)
  document render --case NUMBER --kind K --out FILE
                                 one document of a stored case (.pdf, or .png receipt)
  document check-settings FILE   check a hall&apos;s settings file as the workstation loads it; invalid exits 1
  camera list [--all]            the cameras Qt sees and the format each would run at
  camera process IN OUT [--no-crop]
                                 crop, level and size a document camera photo as the workstation does
  catalogue publish DIR --server URL --key KEY
                                 lint, then publish a catalogue to the central server
  catalogue submit DIR --reason 立|改|废|释 [--effective DATE] --server URL --key KEY
                                 submit a version for review (docs/catalogue-review.md); then
                                 catalogue submission|withdraw|review|pending-walks|accept-walk|
                                 sign-off, publish --submission ID, rollback VERSION, lock MATTER,
                                 publications
  catalogue faq-proposals [--since DATE] [--min N] --server URL --key KEY
                                 questions the counters recorded often: proposals for FAQs
  case status NUMBER KIND --server URL --key KEY [--reason T]... [--note T]
                                 record a department&apos;s stage of a case on the server
  sync enrol --server URL --code CODE
                                 enrol this workstation with the central server
  sync status                    events and scans waiting, rejected events, cursor
  sync run [--once]              send the outbox and pull the hall&apos;s changes
  sync retry-scan SHA256 | discard-scan SHA256
                                 send a set-aside scan again, or give it up
                                 (sync takes --data-dir DIR)
  server enrol-code --hall H --counter C | department-key --department D | publisher-key --name N
                                 issue a credential of the central server; the secret is printed once
  account add STAFF_NUMBER --name NAME --roles R[,R] [--password-stdin]
                                 add a clerk; a generated password is printed once
  account list | disable N | enable N | reset-password N | roles N R[,R] | rename N NAME | unlock N
                                 clerk accounts: a workstation&apos;s (--data-dir DIR), or a hall&apos;s on the
                                 server (--server-data-dir DIR | --database DB, with --hall H)
  account pull                   an enrolled workstation fetches its hall&apos;s accounts (--data-dir DIR)
  server revoke ID | list-credentials
                                 revoke one; list them without secrets (server takes --database DB)
  server check                   read the whole server database for damage; damaged exits 1
  server counters                each counter&apos;s clock against the server&apos;s; off by 2 minutes is flagged
  server department-endpoint --department D --url URL [--disable] | deliveries [--dead] [--resend ID]
                                 push cases to a department&apos;s system (signed); the pushes, dead letters
  queue issue|call COUNTER|list|stats|appoint --server URL --key KEY
                                 the hall&apos;s queue: issue a ticket, call next, list, figures, book
  supervision warnings|clerks|matters|followup|notice|points|correct-points|department-log --server URL --key KEY
                                 a hall&apos;s warnings, clerk and matter figures, bad-rating follow-ups, 督办单, clerks&apos; points and grades
  transfer slots|list|print|confirm|pending
                                 transfer lists (移交清单): make and print, confirm by scan, unconfirmed

Add --help after a command for its options; --json gives machine output.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s complaints (投诉): number, who or what each is about (case, clerk, matter), the channel, when received, the deadline (* once overdue), the state and who handles it; then the counts of the supervisor&apos;s desk. Assign, reply and close them at the supervisor&apos;s workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open (the default), overdue, closed or all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complaint is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1, overdue %2. This month: received %3 (counter %4, 12345 hotline %5, online %6), closed %7, on time %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-cli supervision warnings|clerks|matters|followup|notice|points|correct-points|department-log|complaints --server URL --key KEY ... (--help for each)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per clerk: cases decided at the counter, the shares of correction notices and refusals, the ratings 5 to 1 and the share not rated; consultations where recorded, and of them the questions recorded with the answer given; the average minutes from the queue&apos;s call of the ticket to the counter&apos;s decision; the complaints received in the period that name the clerk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints waiting: %1; refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result documents waiting: %1; refused: %2; fetched: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this kind of action (status-report, transfer-confirmation, pre-application-review, catalogue-sign-off, result-document) or of event (e.g. approved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result document (the licence or decision as a PDF, at most 20 MiB): uploaded first and named by the event (approved, denied or result-ready).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--document needs a readable PDF of at most 20 MiB, with approved, denied or result-ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the server, the events waiting and rejected, the complaints waiting and refused, the departments&apos; result documents waiting or refused, and the changes cursor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::core</name>
    <message>
        <source>The version line must hold exactly one word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a division code: a code has six digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The division %1 has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &apos;CODE NAME&apos; or &apos;CODE NAME abolished&apos; after the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The division %1 is listed twice (first on line %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The division %1 has no province or prefecture %2 above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The division table is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a 15-digit first-generation ID number, which is no longer valid; ask for the 18-character number of the second-generation card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>An ID number has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>An ID number has 18 characters; this one has %n.</numerusform>
            <numerusform>An ID number has 18 characters; this one has %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 is &apos;%2&apos;, but the first 17 characters of an ID number are digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character is &apos;%1&apos;, but it must be a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date %1 (characters 7 to 14) is not a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date %1 (characters 7 to 14) is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character (the last one) should be &apos;%1&apos;, not &apos;%2&apos;: a digit was probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area code %1 is not in the division table; it may belong to a division abolished since the card was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>establishment administration</source>
        <comment>credit code authority 1: 机构编制</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign affairs</source>
        <comment>credit code authority 2: 外交</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judicial administration</source>
        <comment>credit code authority 3: 司法行政</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>culture</source>
        <comment>credit code authority 4: 文化</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>civil affairs</source>
        <comment>credit code authority 5: 民政</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tourism</source>
        <comment>credit code authority 6: 旅游</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>religious affairs</source>
        <comment>credit code authority 7: 宗教</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trade unions</source>
        <comment>credit code authority 8: 工会</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>market regulation</source>
        <comment>credit code authority 9: 工商</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central Military Commission reform and establishment office</source>
        <comment>credit code authority A: 中央军委改革和编制办公室</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agriculture</source>
        <comment>credit code authority N: 农业</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other authority</source>
        <comment>credit code authority Y: 其他</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>government organ</source>
        <comment>机关</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public institution</source>
        <comment>事业单位</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mass organisation managed by the central establishment office</source>
        <comment>中央编办直接管理机构编制的群众团体</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <comment>其他</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident foreign news agency</source>
        <comment>外国常住新闻机构</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>law firm</source>
        <comment>律师执业机构</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notary office</source>
        <comment>公证处</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grassroots legal service office</source>
        <comment>基层法律服务所</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forensic appraisal institution</source>
        <comment>司法鉴定机构</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arbitration commission</source>
        <comment>仲裁委员会</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign cultural centre in China</source>
        <comment>外国在华文化中心</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>social organisation</source>
        <comment>社会团体</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private non-enterprise unit</source>
        <comment>民办非企业单位</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foundation</source>
        <comment>基金会</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>representative office of a foreign tourism authority</source>
        <comment>外国旅游部门常驻代表机构</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>representative office of a Hong Kong, Macao or Taiwan tourism authority</source>
        <comment>港澳台地区旅游部门常驻内地（大陆）代表机构</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>venue for religious activities</source>
        <comment>宗教活动场所</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>religious school</source>
        <comment>宗教院校</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grassroots trade union</source>
        <comment>基层工会</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enterprise</source>
        <comment>企业</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>individual business</source>
        <comment>个体工商户</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>farmers&apos; specialised cooperative</source>
        <comment>农民专业合作社</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>military public institution</source>
        <comment>军队事业单位</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group-level collective economic organisation</source>
        <comment>组级集体经济组织</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>village-level collective economic organisation</source>
        <comment>村级集体经济组织</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>township-level collective economic organisation</source>
        <comment>乡镇级集体经济组织</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not divided into categories</source>
        <comment>不再具体划分机构类别</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit code is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a 15-digit registration number from before unified credit codes; ask for the 18-character unified social credit code on the current licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A unified social credit code has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>A unified social credit code has 18 characters; this one has %n.</numerusform>
            <numerusform>A unified social credit code has 18 characters; this one has %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 is &apos;%2&apos;, a letter credit codes never use (I, O, S, V and Z are left out); it is probably a mistyped digit or letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 is &apos;%2&apos;, but a credit code has only digits and capital letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character (the last one) should be &apos;%1&apos;, not &apos;%2&apos;: a character was probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 3 to 8 are the registration area code and must be digits, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registering authority code &apos;%1&apos; (character 1) is not listed in GB 32100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category code &apos;%1&apos; (character 2) is not listed in GB 32100 for the authority &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration area code %1 (characters 3 to 8) is not in the division table; it may belong to a division abolished since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation code %1 (characters 9 to 17) does not pass its own GB 11714 check (its last character would be &apos;%2&apos;); ask the applicant to confirm the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline has no start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time limit cannot be %1 working days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pause of the time limit has no start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pause of the time limit ends (%1) before it starts (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The time limit has been paused since %1 (%2); its due date is known once the clock resumes, with %n working day(s) left.</source>
        <translation>
            <numerusform>The time limit has been paused since %1 (%2); its due date is known once the clock resumes, with %n working day left.</numerusform>
            <numerusform>The time limit has been paused since %1 (%2); its due date is known once the clock resumes, with %n working days left.</numerusform>
        </translation>
    </message>
    <message>
        <source>The date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area code&apos;s bracket is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in a phone number: use digits and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number has no digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A mobile number has 11 digits; this one has %n.</source>
        <translation>
            <numerusform>A mobile number has 11 digits; this one has %n.</numerusform>
            <numerusform>A mobile number has 11 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mobile numbers start with 13 to 19, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A landline number needs its area code, for example 0577-%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number: mobile numbers start with 1, landline numbers with the area code&apos;s 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an area code: area codes are 010, 020 to 029, or four digits such as 0577.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A landline number has 7 or 8 digits after the area code; %1 has %n.</source>
        <translation>
            <numerusform>A landline number has 7 or 8 digits after the area code; %1 has %n.</numerusform>
            <numerusform>A landline number has 7 or 8 digits after the area code; %1 has %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>A local number cannot start with 0 or 1, as %1 does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar folder has no year files (named like 2025.txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header line &apos;%1&apos; has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown header &apos;%1&apos;: expected year, version, source or url, or a line &apos;DATE off|work NAME&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date written YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the date comes &apos;off&apos; (a holiday) or &apos;work&apos; (a swapped working day), not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day %1 has no name (such as 春节).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a weekday, so it cannot be a swapped working day (&apos;work&apos; is for a Saturday or Sunday worked in exchange for a holiday).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice (first on line %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header line &apos;year&apos; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is named for %1 but its header says year %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header line &apos;version&apos; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header line &apos;source&apos; is missing: name the State Council notice the dates come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year %1 is already defined by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not belong in the file for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holiday calendar has no data for %1, so working days cannot be counted in that year. The State Council announces each year&apos;s holidays late in the year before; add them as calendar file %1.txt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or scan the tracking number of the EMS waybill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tracking number has 13 characters (e.g. EA123456785CN or 13 digits); this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid tracking number: its check digit (the 11th character) should be %2. Check the number on the waybill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a tracking number: expected 2 letters, 9 digits, 2 letters (EA123456785CN) or 13 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::deptsim</name>
    <message>
        <source>Recorded by the department simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulated department denies the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A material the department asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for case %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of seen deliveries %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of seen deliveries %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result PDF %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::devices</name>
    <message>
        <source>camera: the system&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulator: images from the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured a still of %1 × %2 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera is plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking a still with the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera gave no picture within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is configured at this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluator pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window facing the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port %1 does not exist: is the pad plugged in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press a rating on the evaluator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluator did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluator answered: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the reader…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place an ID card on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card was read within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader is not plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the card of %1, %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use none, serial, usb or simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a positive whole number such as 115200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a number of milliseconds from 0 to 10000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a serial reader needs a port, such as /dev/ttyUSB0 or COM3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a USB reader needs at least one VID:PID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a USB id; write VID:PID such as 0400:C35A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist of materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiver notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thermal receipt (slip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;: only the thermal receipt can go to the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is installed: the document is saved as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 is not installed, nor any other: the document is saved as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 is not installed: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is configured at this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUPS queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows printer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist: is the printer plugged in and switched on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing a test receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer did not take the test receipt within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test receipt was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB keyboard (codes told from typing by speed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner is not plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan any barcode or QR code now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was scanned within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::devsim</name>
    <message>
        <source>Simulate a second-generation ID card reader with a card on it. The path of the pseudo-terminal is printed on the first line; give it to the program under test as its serial port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve on a new pseudo-terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card, as JSON (default: a fictional sample person).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misbehave: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misbehave only N times (default: always).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the card and put it back every S seconds, so it is read again (0: never; default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print every request and reply in hex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only --pty is supported; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown fault &apos;%1&apos;; use one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fault-count and --replace-every take numbers; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudo-terminals are not available on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send after S seconds (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again every S seconds, not just once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the bytes sent and received in hex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delay takes a number of seconds; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate a serial evaluator pad on which the applicant presses a key. The path of the pseudo-terminal is printed on the first line; set it as evaluator/port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pad&apos;s key codes: a or b (default a).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating pressed, 1 to 5 (default 5, very satisfied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this byte (hexadecimal) instead of the preset&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--key takes one byte in hexadecimal, such as 33</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--preset takes a or b and --level 1 to 5; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pads of preset %1 have no key for level %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate a scanner in USB-CDC (virtual COM) mode that reads a code. The path of the pseudo-terminal is printed on the first line; set it as scanner/port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code read (default: a sample case number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port to take pushes on (127.0.0.1; 0: any free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint&apos;s signing secret, as onewindow-cli server department-endpoint printed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server to answer to (without it pushes are only taken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department&apos;s key for the department API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds from a push to in review (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds from in review to the decision (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve (default), deny or supplement-then-approve (a supplement request first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer 503 for the first S seconds, to watch the retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where processed delivery ids are kept, so a restart does not process one again (default: deliveries-seen.txt in the current folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department needs --listen PORT and --key KEY; --server URL needs --department-key KEY; delays are seconds; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-devsim [--lang zh_CN|en] DEVICE ...

Devices:
  idcard --pty [--card FILE] [--fault KIND]   an ID card reader on a pseudo-terminal
  evaluator --pty [--preset a|b] [--level N]   an evaluator pad pressing a key
  scanner --pty [--code TEXT]                  a USB-CDC scanner sending a code
  department --listen PORT --key KEY [--server URL --department-key KEY]
                                               a department&apos;s system taking the server&apos;s pushes
  sharing --listen PORT --app-id ID --secret S [--down-for S] [--delay MS]
                                               the data-sharing platform answering for shared materials

Add --help after a device for its options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate the data-sharing platform (数据共享) on loopback: check each request&apos;s app id and signature, and answer with the demo&apos;s shared materials — the business licence (a PDF) by credit code, the household register and the marriage certificate (PNG) by citizen ID number; no record (404) for a key that is not valid. Each line on standard output is a JSON event, the first {&quot;event&quot;: &quot;listening&quot;, &quot;port&quot;: N}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port to answer on (127.0.0.1; 0: any free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app id the workstation sends (sharing-app-id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret requests are signed with (sharing-secret).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer 503 for the first S seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait MS milliseconds before each answer (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing needs --listen PORT, --app-id ID and --secret S; --down-for takes seconds and --delay milliseconds; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate a department&apos;s business system: take the server&apos;s pushes on loopback, check their signatures, process each delivery once, and answer through the department API: in review after a delay, then the outcome; a withdrawn case (撤回) is answered no more. An approval uploads its result document (a PDF) and names it, and result-ready follows. Each line on standard output is a JSON event, the first {&quot;event&quot;: &quot;listening&quot;, &quot;port&quot;: N}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result document an approval uploads (default: a one-page 准予许可决定书 written for the case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds from the approval to result-ready (default 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--result-pdf %1 is not a readable PDF file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::documents</name>
    <message>
        <source>The case %1 has no promised deadline; it is set when the case is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 has no waived material; a waiver notice names at least one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is missing or wrong in the case %1; a correction notice must say what to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refusal notice must state its reasons; none are recorded for the case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refusal because the matter is not within this organ&apos;s powers must name the organ to apply to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be drawn on its output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt is printed as an image, not as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No default printer is set up on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no printer named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer “%1” cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer “%1” did not accept the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has no matter %1 for the sample documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample answers no longer reach a situation of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public base URL “%1” must be an absolute http or https address without a query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting “%1” in section [%2]; see the default hall-settings.ini for the keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A section header must be a name in brackets, such as [hall].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a line of the form key = value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” may only contain letters, digits, dots, hyphens and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” comes before any [section] header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” of [%2] was already set on line %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text cannot be encoded as a QR code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR encoder returned an empty symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value; leave the key out of the file to keep the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be one line; \n (a line break) is allowed only in the sentences of a document and the footer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains a control character at position %2 (“%3”); remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 line breaks; at most %3 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 characters; at most %3 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lacks the placeholder %2: the program fills %3 in, and without it the document loses what it stands for. Keep exactly %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no placeholder, but %2 is written; the program fills nothing in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the placeholder %2, which the program does not fill in; it fills in %3 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was handed in for the case %1: there is no receipt to issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No EMS label for case %1: the mailing address lacks %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer list %1 has no folder on it: nothing to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[handover] %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no warning on %2: there is nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be moved into place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build writes no XLSX files (libxlsxwriter was not found).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a PDF document that can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is protected by a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its protection is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result document “%1” cannot be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result document “%1” has not been received from the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer “%1” cannot start printing “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer stopped after page %1 of “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the result document “%2” cannot be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not finish “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result document cannot be copied to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::camera</name>
    <message>
        <source>use qt, folder or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the simulated camera needs a folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is only %1×%2 pixels, too small to find a page in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page stands out from the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page was found: the brightest region is too small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page fills the whole photo; there is nothing to crop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page image is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page could not be saved as JPEG: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be opened (no access?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an image of a supported kind (JPEG, PNG, BMP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image data is damaged or incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image cannot be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; name a photo file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo %1 is %2 × %3 pixels (%4 megapixels); at most %5 megapixels can be processed. Take it at a lower resolution.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::camera::FolderCamera</name>
    <message>
        <source>Images in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the simulated camera, &apos;%1&apos;, does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the simulated camera, &apos;%1&apos;, holds no images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera is not ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::camera::QtDocumentCamera</name>
    <message>
        <source>The camera could not take the picture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera %1 is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera reports an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera is not ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera is still busy with the last picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document camera was unplugged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::evaluator</name>
    <message>
        <source>use none, serial, screen or simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a positive whole number such as 9600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a, b or custom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a number of seconds from 1 to 3600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use hexadecimal bytes such as 02 31 03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a serial evaluator needs a port, such as /dev/ttyUSB0 or COM3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key mapping entry: write a hexadecimal byte, &apos;=&apos;, and a level from 1 to 5 (0 for the key that means no rating), for example 33=5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 is mapped twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key mapping is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluator pad on %1 could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the evaluator pad on %1 was lost: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the evaluator pad on %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant did not rate the service in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluator pad is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::idcard</name>
    <message>
        <source>No frame has arrived from the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The reader&apos;s reply was cut off after %n byte(s), before its length arrived.</source>
        <translation>
            <numerusform>The reader&apos;s reply was cut off after %n byte, before its length arrived.</numerusform>
            <numerusform>The reader&apos;s reply was cut off after %n bytes, before its length arrived.</numerusform>
        </translation>
    </message>
    <message>
        <source>The reader&apos;s reply was cut off: %1 of its %2 bytes arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader sent a frame with an impossible length of %1 bytes (allowed: %2 to %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card (2023)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown card type &apos;%1&apos;; use mainland, hk-macao-taiwan, foreign-permanent or foreign-permanent-2023.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown sex &apos;%1&apos;; use 男, 女 or a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown nation &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint data is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card file %1 could not be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card file is not a JSON object: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown sex code &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown nation code &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s text block has %1 bytes; a second-generation ID card has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card is of a type this software does not know (mark %1 at byte 248); it reads resident ID cards, residence permits for Hong Kong, Macao and Taiwan residents, and foreign permanent resident ID cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The card data is too short (%n byte(s)) to say how long its text and photo are.</source>
        <translation>
            <numerusform>The card data is too short (%n byte) to say how long its text and photo are.</numerusform>
            <numerusform>The card data is too short (%n bytes) to say how long its text and photo are.</numerusform>
        </translation>
    </message>
    <message>
        <source>The card data says its text has %1 bytes and its photo %2, which does not fit the %3 bytes that arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long for its place on the card (%2 characters at byte %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The USB ID card reader %1 is in use by another program or driver: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the USB ID card reader %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from the USB ID card reader %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB is not available on this computer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user may not use the USB ID card reader %1; the system administrator has to allow access to it (a udev rule on Linux).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The USB ID card reader %1 could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pseudo-terminal could not be created: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pseudo-terminal could not be opened: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the pseudo-terminal failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID card reader (%1) is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID card reader (%1) did not answer within %2 ms; check that it is connected and switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame is too short: %1 bytes, but a frame of the ID card reader has at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame does not start with the ID card reader&apos;s preamble AA AA AA 96 69 (it starts with %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame&apos;s length field says %1 bytes follow, but %2 bytes do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame&apos;s checksum is %1, but its bytes give %2: the frame is damaged or its length is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too short to carry a command and its parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply is too short to carry the three status bytes SW1 SW2 SW3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader completed the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card has no content of the kind requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID card is on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader received a request with a wrong checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader received a request with a wrong length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader does not know the command it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader refused the command: it is not authorised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader reported an unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card did not accept the reader&apos;s security module: the card may be forged or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s security module did not accept the card: the card may be forged or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card on the reader is not a second-generation ID card or a card type the reader knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the card failed; it may have been moved. Place it flat on the reader again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card did not produce the random number the reader asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s security module (SAM) failed its self-test; the reader needs service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s security module (SAM) is not authorised; the reader needs service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ID card was found on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID card on the reader could not be selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (status %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader answered with an unknown status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID card reader on %1 could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID card reader on %1 is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the ID card reader on %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the ID card reader on %1 was lost: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB ID card reader is plugged in (looked for %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The USB ID card reader is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The USB ID card reader took %1 of %2 bytes sent to endpoint %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB reader %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo decoding library %1 is not installed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo decoding library %1 has no function %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is not available: the card gave %1 bytes of photo data instead of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is not available: the decoding library returned %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is not available: the decoding library did not produce a BMP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is not available: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start of validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issue count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renewal count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous card link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s %1 holds a control character or a damaged character at position %2 (“%3”); the card cannot be used as read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s %1 has %2 characters; the card has room for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s %1 “%2” is not a date (the card writes dates as YYYYMMDD, e.g. 19900307).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::idcard::IdCardReaderWorker</name>
    <message>
        <source>The ID card reader (%1) is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Lift the card and place it on the reader again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::receipt</name>
    <message>
        <source>no CUPS queue is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program lp could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lp crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUPS queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byte %1 of the print job: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt image is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt image is %1 dots wide, but the paper holds only %2 dots a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;, but it must be one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;, but it must be a whole number from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be printed because its image is empty or wider than the paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer was not found. Check that it is switched on and connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user may not use the receipt printer. Ask IT to grant access to the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the receipt to the printer failed. Check paper, cover and cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The print system did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The print system refused the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of receipt printer connection is not available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows printer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took %2 of %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::scanner</name>
    <message>
        <source>A code was read from the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No readable code was found in the image. Hold the code flat, fully in view and in focus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no image to read a code from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation cannot read codes from camera images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner on %1 could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the scanner on %1 was lost: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use keyboard, serial or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a serial scanner needs a port, such as /dev/ttyACM0 or COM4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::drivers::serial</name>
    <message>
        <source>&apos;%1&apos; is not a serial frame: write data bits, parity and stop bits, for example 8N1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::AuthoringTools</name>
    <message>
        <source>New &amp;matter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a material table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a catalogue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New matter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter %1 added in %2; it is written when you save (Ctrl+Z takes it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the matter to import into in the tree first (the matter or an entry inside it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a material table into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material tables (*.csv *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1: %n requirement(s) added to %2; written when you save (Ctrl+Z takes it back).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::CatalogueTree</name>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue and departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>[when %1]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::ConditionBuilder</name>
    <message>
        <source>and: all rows hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or: any row holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the rows (or the groups of rows) are joined. The rows of one group are joined by the other word, in brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row to the condition (Insert in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected row (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with the same group number are put in brackets together and joined by the other word: with “and” between groups, the rows of a group are joined by “or”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the condition into the entry&apos;s file (Enter); Ctrl+Z undoes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gro&amp;up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relati&amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Num&amp;ber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Written as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition is as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;dition rows:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::ConditionLabels</name>
    <message>
        <source>always holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is none of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is any of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>includes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>includes none of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>includes any of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; less than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= equal to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≠ not equal to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range a %1 x %2 b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose an option)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::EditorWindow</name>
    <message>
        <source>&amp;Catalogue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ges for the counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open catalogue folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a catalogue folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;changes for the counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add an entry after this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry &amp;inside this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the &amp;whole catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the catalogue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (%n files).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an entry in the tree first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 has no entries inside it; add its attributes in the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted; Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 is not an entry of the tree (see the file itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No situation gains or loses a material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to write: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and more (see Changes for the counters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>situation removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gains %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loses %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks differently for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n situation(s) change for the counters:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The catalogue still has %n error(s): it cannot be published until they are corrected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Save %n changed file(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up the changes not saved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give up the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no catalogue open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow catalogue editor — %1[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the sample&apos;s &amp;marks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a required ma&amp;terial to the matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a matter or an entry inside it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a fre&amp;quently asked question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a matter or a bundle, or an entry inside it, first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::FaqProposalsDialog</name>
    <message>
        <source>Frequent questions from the counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions the hall&apos;s counters recorded at least three times in the last 90 days, most asked first. Adopt one to add it to its matter&apos;s FAQ, then edit it and submit for review as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nswer to write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adopt (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposals could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(already a FAQ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also asked as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No question of this catalogue&apos;s matters was recorded often enough yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) for this catalogue&apos;s matters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a proposal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the answer the FAQ gives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter %1 is not in the open catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt the frequent question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the FAQ of %1: edit the question and answer in the form, then submit for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::ImportTableDialog</name>
    <message>
        <source>Import a material table into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material or column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import into the matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the catalogue as edited…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping the table&apos;s rows onto the matter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the catalogue with the import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors the import would bring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials reused from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirements added to the matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in every situation (basic material)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings in the imported lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: header on row %2, %3 rows under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns ignored: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported, so nothing is: correct them in the table (or the catalogue) and import again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The import would bring errors into the catalogue, so nothing is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table adds nothing to the matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing adds these lines to the open catalogue as one step (Ctrl+Z takes it back); nothing is written until you save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::Keyword</name>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form review point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content review point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waivable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prerequisite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequently asked question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::NewMatterDialog</name>
    <message>
        <source>New matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 330302-WJ-009</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised case (承诺件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate case (即办件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promised working days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter goes into a file of its own in matters/. The live lint then says what it still needs: its materials (require lines) and questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be written into %1 when you save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::NodeForm</name>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttributes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an entry in the tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an attribute (&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the attribute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::PreviewWindow</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a matter or a bundle in the tree (or an entry inside one), then press F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue as edited cannot be loaded, so there is no interview to show. Correct these errors (the problems panel leads to each), and the preview comes back by itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue as edited has no bundle %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue as edited has no matter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: the counter&apos;s interview and checklist on the catalogue as edited, changes not yet saved included. Nothing is recorded. After an edit it comes back with the answers that still fit. Esc closes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::ProblemsPanel</name>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::ReviewLabels</name>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned to the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed, awaiting acceptance walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walked, awaiting back office sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted, awaiting publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改 (amended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>废 (repealed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>释 (interpreted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::SampleEditor</name>
    <message>
        <source>Sample marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mar&amp;ks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review point of the mark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sample &amp;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a mark (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete the mark (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the image to draw a mark; drag a mark to move it and its small squares to resize it. Tab selects the next mark, the arrow keys move it by 1 % of the image, Shift with the arrow keys resizes it, Delete deletes it. Each change is written to the mark&apos;s line and can be undone with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the image to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete mark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move mark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize mark %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie mark %1 to a review point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No material chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a material of the material library in the tree (or its sample or one of its marks), then edit its sample&apos;s marks here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — sample %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample marks — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image %1 cannot be shown: it is not a PNG or JPEG image that can be read. Export the image again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no such review point)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the place is not written as X, Y, WIDTH, HEIGHT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sample image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::SampleMarkView</name>
    <message>
        <source>Sample image with its marks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::ServerTools</name>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in to the review server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit for review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My submissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3); session until %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: edits are saved to the folder only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter %1 could not be locked on the server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: matter %1 is being edited by %2 until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in and open a catalogue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has errors; fix them before submitting (F7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>〔review: %1〕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is submitted is the folder as saved: save the changes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frequent questions from the counters…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::SignInDialog</name>
    <message>
        <source>Sign in to the review server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when your staff number is used in several halls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Staff number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hall code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own hall account with the catalogue editor role. Without signing in you can still edit and save folders here, but not lock matters or submit them for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the server&apos;s address, e.g. https://onewindow.example:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your staff number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at this address does not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is not a OneWindow server with catalogue review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::editorui::SubmissionDialog</name>
    <message>
        <source>Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed and why, e.g. the law or notice it follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of catalogue %2, from the folder as saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Effective from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not take the submission: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Submission %1 is %2: %n item(s) to review, effective from %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::editorui::SubmissionsDialog</name>
    <message>
        <source>My submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submissions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have submitted nothing yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw submission %1 (version %2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing more is reviewed, walked or signed off for it, and it is never published. Your locks on its matters are released. The version may be submitted again.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission was not withdrawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::intake</name>
    <message>
        <source>The case %1 is decided; its situation can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has no case store or no logged-in clerk: cases cannot be saved here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matter is open: find the matter first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist or is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No holiday calendar is loaded: no deadline can be computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promised deadline cannot be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 is already decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) not checked yet: check every material before accepting.</source>
        <translation>
            <numerusform>%n material not checked yet: check every material before accepting.</numerusform>
            <numerusform>%n materials not checked yet: check every material before accepting.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is decided yet: there is no document to issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has no attachment %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions of %1 are not all answered: the situation is not settled yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be waived: the catalogue requires it at intake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A waived material needs the date it must be supplied by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be fetched through data sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a missing or waived material can be supplemented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material was not handed in: there is nothing to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the point is not met: the applicant is told the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned pages could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft cannot be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue in use has no bundle %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue in use has no matter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 was decided meanwhile; its draft is no longer needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has no case store: no draft can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 awaits no material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fails a review point: hand it back with the reason instead of taking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is marked as handed in: mark what the applicant brought as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 was never given this document; it cannot be reprinted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers reached no screening outcome: there is no one-time notice to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pre-application opens a new intake, not one under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a data-shared material: simply receive it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why %1 is taken on paper instead of fetched through data sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data-sharing platform is configured on this workstation: take the paper instead (the settings sharing-endpoint, sharing-app-id and sharing-secret are missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A material is being fetched already; wait for its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was fetched but could not be attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be fetched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on this checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is fetched by the applicant&apos;s %2: register it first (F2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer on this checklist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::kiosk</name>
    <message>
        <source>Not now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter an 11-digit mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue server cannot be reached (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue server refused the ticket (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please go to counter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ahead, about %1 min wait</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Queue ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure of the matter: a guide will help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to follow your place in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please keep this ticket; a number missed three times lapses.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::kioskui::KioskKeypad</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::kioskui::KioskWindow</name>
    <message>
        <source>Take a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Take a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking your ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the matter you came for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinyin initials or name, e.g. yyzz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the first letters of the matter&apos;s pinyin on the keys, or ask for help below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure — please ask a guide to help me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Check the letters, or ask for help below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please place your ID card on the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter then fills in your details, so nothing is typed twice. You may skip this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mobile number, for an SMS when your turn is near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter: not sure, a guide will help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue server cannot be reached just now. Please try again, or ask a guide for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket could be issued. Please ask a guide for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please take your ticket from the printer below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket printer is not available: please remember your number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Green channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green channel · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green channel
elderly · disabled · pregnant · serving soldiers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::queue</name>
    <message>
        <source>No counter for it is open now; please wait for the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ahead, about %2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SMS text may not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SMS may only name {number}, {counter}, {ahead} and {minutes}, not {%1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list distinct prefixes of one or two capital letters, e.g. A, B, C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name at least one service area, e.g. A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is %2: %3 is not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 was called by counter %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calling it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calling it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 was called %2 times already; mark it as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 can be called again in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting its service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finishing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking it as a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parking it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferring it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is at counter %2 already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::server</name>
    <message>
        <source>There is nothing here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not complete the request; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This needs a credential (Authorization: Bearer …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential is unknown or was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 credential may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrol code is wrong, used or expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cursor “%1” is not one of ours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit is 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case belongs to another hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An upload needs ?offset=N&amp;total=T.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no state “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case belongs to another department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many requests; try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests; try again in %n second.</numerusform>
            <numerusform>Too many requests; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case %1 belongs to hall %2; this workstation is enrolled in hall %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case in state %1 cannot move to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The catalogue has %n error(s).</source>
        <translation>
            <numerusform>The catalogue has %n error.</numerusform>
            <numerusform>The catalogue has %n errors.</numerusform>
        </translation>
    </message>
    <message>
        <source>The package says version %1 but its catalogue.txt says %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 was published with other content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter “%1” must end in its number, 1 to 99 (e.g. W07).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department id is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A publisher name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no valid credential or unused enrol code “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application was found for this code. Please check the code on your receipt or ask at the service hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result ready on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en</source>
        <comment>the language code of the public page (HTML lang)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry has no event object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has an unknown kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no valid time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event names no valid case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case snapshot is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case snapshot is not readable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case snapshot is of another case than the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment of the case has no valid SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body has no &quot;events&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch holds at most %1 events, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id must be a UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind must be in-review, approved, denied, supplement-requested or result-ready, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A denial needs its reasons (payload.reasons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supplement request needs the materials (payload.materials).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every requested material needs its id, name and deadline (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow central server: cases, scans, catalogues, status page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the SQLite database, scans and catalogue packages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME (default: SQLite in the data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificate chain: serve HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key of the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Believe X-Forwarded-For (only behind your own reverse proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the status page: zh_CN (default) or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen takes ADDR:PORT, e.g. 0.0.0.0:8443, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate or key could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate or key is not valid PEM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server database was written by a newer OneWindow (schema version %1; this program knows up to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 of the server database (%2) failed and was rolled back: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment is 1 byte to %1 bytes, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server holds %1 bytes, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chunk goes past the end of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file received does not have the SHA-256 it was sent under; it was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the finished file could not be moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be text of %2 to %3 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry is nested deeper than %1 levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text at %1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text at %1 holds a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a time (ISO 8601, UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is dated %2, more than %3 hours after the server&apos;s time (%4): check this counter&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is dated %2, more than %3 days before the server&apos;s time (%4): check this counter&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry is %1 bytes; at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names an unknown state “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event id “%1” is not a UUID (8-4-4-4-12 hexadecimal digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is from counter %1; this credential is counter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 is numbered for counter number %2; this workstation is counter number %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case snapshot is of hall %1; this workstation is enrolled in hall %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case snapshot names counter %1, not this workstation&apos;s counter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR token of the case is not of the documented shape (26 base32 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s data is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know the case %1: its first event must be “created” with the case, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case %1 was created before; “created” comes once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event id %1 is already used by another event; make a new id for this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR token of the case %1 cannot change once the server holds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR token of the case %1 is already another case&apos;s; it must be new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This upload was started with a total of %1 bytes; it cannot change to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse events dated more than HOURS after the server&apos;s time (default 24, 1 to 8760).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse events dated more than DAYS before the server&apos;s time (default 365; 0: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--clock-window takes 1 to 8760 hours and --max-event-age 0 to 36500 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server database %1 is damaged (%2). It is not used: restore it from a backup (see “Recovery” in docs/deployment.md); “onewindow-cli server check” lists what is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is unavailable; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers are larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chunked body is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many connections from this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a number from 1 to %2, not “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a connection after this many seconds without a byte in or out (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open connections one client address may hold (default 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open connections in all (default 1024).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored scan is damaged; it is not served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account %1 in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a list of roles (intake, pickup, supervisor, admin, catalogue).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password hash is not a PBKDF2 hash of an accepted work factor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff number is one word without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number %1 is already taken in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not change the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an enabled hall administrator of this hall may change accounts, with their own password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an account change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs the clerk&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hall administrator&apos;s password is changed with the old password, while the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is disabled or its password was reset on the server since; the password changed at the counter is not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A counter is set open, paused or closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk %1 is not an enabled account of this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for counter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket&apos;s priority is walk-in or green.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a mainland mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?day= takes YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no ticket %1 in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment names its matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalogue is published on this server, so no matter can be chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no matter “%1” in catalogue %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no bundle “%1” in catalogue %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 opens with the clerk logged in there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no service area “%1” in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 is closed; it cannot be paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 is closed: a clerk logs in there and opens it before calling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 is paused; resume it to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk %1 is not logged in at counter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is still called at counter %2: start its service, call it again, park it or mark it as a no-show first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is not parked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no counter %1 in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment needs a window “from” before “to”, within one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment&apos;s window is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no appointment %1 in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an unfinished scan upload after this many days without a new chunk (default 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server holds no part of this upload (an unfinished upload is removed after %n day(s) without a new chunk); start again from byte 0.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This upload is being received on another connection; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue settings file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no queue setting “%1”; the [queue] group takes %2 (docs/queue.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue settings file is not an INI file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s queue rules and SMS texts, the [queue] group of an INI file (docs/queue.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the queue&apos;s SMS go: off (default), simulator (a log file) or http (the provider).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulator&apos;s log, one JSON line per message (default sms.log in the data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s address the messages are POSTed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request headers for the provider, &quot;Name: value | Name: value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request body with {mobile} and {text} (JSON-escaped), or @FILE to read it from FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key of the message id in the provider&apos;s JSON answer, dots for nested objects (default id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends after a failed one before a message counts as failed (0 to 10, default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sms-gateway takes off, simulator or http, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sms-retries takes a number from 0 to 10, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sms-gateway http needs --sms-url with an http:// or https:// address, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS body template %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped while the gateway had this message; it is not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS log %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s answer was lost (%1); the message may have been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of who holds the key is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample: the numbers mark where each review point applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need not bring this: the service hall obtains it through data sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you do not have it yet, the application may still be accepted; you then hand it in later by the date the counter gives you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the counter checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the blank form of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find another matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every one that applies; tick none if none does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number, in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the answer to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please hand in these materials at the service hall by the date given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your result is ready for pickup at the pickup counter. Please bring your receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your result was sent by EMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your result was sent by EMS, item number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application was not accepted yet: please complete it as the correction notice says and apply again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing for you to do now: we will let you know when the result is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate our service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pickup counter&apos;s opening hours as the public status page names them, e.g. &quot;周一至周五 9:00-12:00, 13:30-17:00&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” takes a date, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who called the applicant (“by”) and what was agreed (“agreed”, up to 2,000 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who closes the item (“by”) and how it was fixed (“note”, up to 2,000 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hall has no follow-up item “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up item is closed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervision settings file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no supervision setting “%1”; the [supervision] group takes %2 (docs/supervision.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervision settings file is not an INI file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“clerk” must name the receiver (1 to 64 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“scans” must be a list of at most %1 folder label scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each scan must be text of at most 512 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfer list %1 is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transfer list goes to another department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer list %1 was confirmed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation type="unfinished">
            <numerusform>%n copy(ies)</numerusform>
            <numerusform>%n copy(ies)</numerusform>
        </translation>
    </message>
    <message>
        <source>Your materials checklist (%1 items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue version %1. To print it, use your browser&apos;s Print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this QR code at any counter: the clerk scans it and opens the same matter with your answers, so nothing has to be asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of this checklist for the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials checklist: find your matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer a few questions about your situation and get the exact list of materials to bring, the same list the service hall&apos;s counter uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service hall has not published its catalogue yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the matter, a keyword or pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer characters, or the pinyin initials (for example ggcs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequently handled matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided within %1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided on the spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers of this link no longer fit the catalogue and were left out; please answer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such matter in the service hall&apos;s current catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is counter %1; it cannot act for counter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the application status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How satisfied are you with the service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you: your rating was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This application has been rated already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application can be rated once it was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need not apply for this matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply for %1 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on to %1 with your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 was never published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The published version %1 no longer loads: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>situations changed through shared materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the application form and upload scans of your materials now; at the counter the clerk then only checks the originals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-apply online (网上预申报)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“month” takes a month, YYYY-MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clerk “%1” has points in this hall that month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“points” is a whole number from -1000 to 1000, not 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A correction needs its reason (“reason”, up to 2,000 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who corrects the points (“by”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“month” takes a month, YYYY-MM, not after this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hall has no clerk “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body has no &quot;activities&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch holds at most %1 activities, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another hall holds an activity with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no points setting “%1”; the [points] group takes %2 (docs/supervision.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such pre-application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a counter takes a pre-application into a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state is one of submitted, accepted, returned or taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-application is for another department&apos;s matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored scan %1 does not match its SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision is “accept” or “return”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each reason is a text of one line and at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A returned pre-application needs at least one reason the applicant can act on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviewer&apos;s name is missing or too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a submitted pre-application is reviewed; this one is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a case number of this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk is missing or too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-application was taken into case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 pre-application cannot be taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “%1” is too long or holds control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether a person, an enterprise or another organisation applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted; waiting for the pre-review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed the pre-review: bring the originals to any counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned: please correct it and submit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the applicant or applying unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number, or unified social credit code of the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative (units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project name (units, if any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact telephone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient name (delivery by post)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the result by post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans of your materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG; at most %1 MB a file and %2 MB in all. Bring the originals to the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading scans needs JavaScript. Without it, submit without scans and bring the materials to the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete: %1 of %2 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free pre-application code was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pre-application can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has %1 bytes of this file; send from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a PDF, JPEG or PNG file as its type says; it was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such pre-application, or it belongs to another mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A code was sent to this number a short while ago; you can ask for another in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The code is wrong; %n more tries.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your verification code for the online pre-application is %1, valid for %2 minutes. Do not tell it to anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall online pre-applications (网上预申报) go to, e.g. 33030201; without it the self-service checklist offers none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest scan of a pre-application in MB (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All scans of one pre-application in MB (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days an untouched draft pre-application is kept with its scans (default 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days a submitted pre-application waits for a counter before it expires (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pre-applications one ID number or credit code may have (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--preapplication-hall: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff number (“staffNumber”) and a password are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins; try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Only an enabled supervisor of this hall may sign in, with their own password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply online: your mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pre-application is tied to your mobile number. We send a 6-digit code to it; no account is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply online: the code from the SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the 6-digit code sent to your mobile number. It is valid for 10 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an online pre-application for “%1” with the answers of your checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online pre-application: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow your case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pre-application code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the originals of your materials to any counter and show this code: the clerk scans it, and nothing has to be typed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the pre-application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this page&apos;s address to look at the state again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the checklist of materials again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the pre-application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm your mobile number first (the code from the SMS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service hall does not take online pre-applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form was not understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile number: enter the 11 digits of a mainland mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is no longer valid (expired, used or tried too often); ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in and save the applicant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID number already has %1 open pre-applications; finish one at the counter first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan needs a material of the checklist, a file name and a size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only PDF, JPEG and PNG files are taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty or too large, or the pre-application has reached its %1 MB of scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chunk needs ?offset=N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This credential may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The effective day must be a date from today on (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason must be one of 立, 改, 废 and 释.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lock names the matter and the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no lock on matter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lock lasts 1 to %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter %1 is being edited by %2 until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission must name its editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 was not returned; only a returned submission is submitted again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 is published or under review already; give the catalogue a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing differs from the current version %1: there is nothing to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter %1 is being edited by %2; it cannot be submitted by another editor until the lock is released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no submission %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is %2, not in review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grade must be 高, 中 or 低.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A grade of 中 or 低 needs a comment saying what to improve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review must name its reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor of a version does not review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the items graded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 has no review item “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk must name the clerk who did it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 has no situation “%2” to walk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is %2: situations are walked once it is reviewed and until they are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 changes nothing of department %2; its sign-off is not asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-off must name who signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is %2: the back office signs off after every changed situation was walked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is %2: only an accepted version (every item 高, every changed situation walked at %3 counters, signed off) is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 was published meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity is dated %1, after the server&apos;s time: the counter&apos;s clock is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset is a whole number from 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“purpose” is empty or “export”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link has expired; ask for the case again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff number (“staffNumber”) is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number %1 is used in several halls (%2): say which (“hall”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number or the password is wrong, or the account is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 does not hold the catalogue editor role; the hall administrator gives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only its editor %1 withdraws submission %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is %2; it can no longer be withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no dead delivery %1 in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must be an http or https address with a host, e.g. https://host/push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint needs the department it is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 follows row %2: the rows between were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 does not link to the row before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log ends at row %1 but its head records row %2: rows were removed or added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 does not match the recorded head of the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head of the departments&apos; log is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push settings file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no push setting “%1”; the [push] group takes %2 (docs/deployment.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push settings file is not an INI file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: onewindow-server [--listen ADDR:PORT] [--data-dir DIR] [--database sqlite:PATH|postgresql://...]
                        [--tls-cert FILE --tls-key FILE] [--trust-proxy] [--lang zh_CN|en]
                        [--idle-timeout SECONDS] [--max-connections-per-address N] [--max-connections N]
                        [--upload-expiry DAYS] [--queue-settings FILE] [--supervision-settings FILE]
                        [--supervision-interval MINUTES]
                        [--sms-gateway off|simulator|http] [--sms-log FILE] [--sms-url URL]
                        [--sms-headers HEADERS] [--sms-body TEMPLATE] [--sms-id-key KEY] [--sms-retries N]
                        [--pickup-hours TEXT] [--time-zone ZONE] [--push-settings FILE]
                        [--preapplication-hall HALL] [--preapplication-scan-mb N] [--preapplication-quota-mb N]
                        [--preapplication-draft-days N] [--preapplication-expiry-days N] [--preapplications-per-id N]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between the server&apos;s own rounds of the supervision warnings, which keep their history without anyone looking (default 10, 1 to 1440; 0: only when asked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s time zone (IANA name, default Asia/Shanghai): the day a catalogue version takes effect is the date there, whatever the server&apos;s own clock is set to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How cases are pushed to department systems: back-off, attempts, link lifetime and the server&apos;s public address, the [push] group of an INI file (docs/deployment.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--supervision-interval takes 0 to 1440 minutes, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--time-zone takes a time zone name such as Asia/Shanghai, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundle&apos;s matters or preset answers changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document needs its file name (?name=…, at most %1 characters, without a folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result document must be a PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payload.document: %1 was not uploaded for case %2 (or has another size); upload the document first (PUT …/documents/&lt;sha256&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“id” must be the complaint&apos;s UUID given where it was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“channel” is “window”, “12345” or “online”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“receivedAt” must be a time (ISO 8601).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint is dated %1, after the server&apos;s time: the counter&apos;s clock is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“complainant” is {&quot;name&quot;, &quot;mobile&quot;} or null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complainant&apos;s name is text of up to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“content” says what the complaint is, in 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“case”: %1 is not a case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“case”: case %1 belongs to another hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: there is no account %2 in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“recordedByStaffNumber”: say which clerk recorded the complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“matterCode”: there is no matter %1 in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body has no &quot;complaints&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch holds at most %1 complaints, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another hall holds a complaint with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“state” is open, overdue, closed or all, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“staffNumber”: there is no account “%1” in this hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“text” is the reply given, in 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“result” is “satisfied”, “unsatisfied” or “unreachable”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hall has no complaint “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint %1 is %2 (%3): it cannot be %4 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replied to</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“since” takes a day, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“min” takes a whole number from 1 to 10,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verification code for downloading the result document of your application is %1, valid for %2 minutes. Do not tell it to anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You withdrew this application: it will not be decided. Paper materials you handed in can be collected at the service hall with your receipt; to obtain this service later, please apply again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payload.document is {&quot;name&quot;, &quot;sha256&quot;, &quot;size&quot;} of a document uploaded for the case, on approved, denied or result-ready only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s supervision rules (warning days, follow-up deadlines, the working days a complaint has), the [supervision] group of an INI file, and the clerks&apos; points and grades, its [points] group (docs/supervision.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, issued by %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the result document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To download the result document, confirm the mobile number given with the application: we send a verification code to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get the verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verification code was sent to %1. It is valid for 10 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code (6 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mobile number is confirmed. The download stays open for 15 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no result document for this application. Please check the code on your receipt or ask at the service hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mobile number was given with this application, so the result document cannot be downloaded: please collect it at the pickup counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify your mobile number first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result document is given only after the mobile number of the application is confirmed with an SMS code: open “Download the result document” on the status page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a situation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <comment>between answers a faq applies to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a question and the answers a faq applies to</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies when: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::server::HallDisplay</name>
    <message>
        <source>en</source>
        <comment>the language code of the hall display (HTML lang; speech follows it)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please listen for your number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number {number}, please go to counter {counter}.</source>
        <comment>spoken; keep {number} and {counter}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter {counter}</source>
        <comment>keep {counter}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: the calls shown may be out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a ticket at the kiosk; the ticket&apos;s QR code follows your place in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your place in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called: please go to counter {counter} now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold: the counter will call you again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: what is shown may be out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such ticket today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page refreshes by itself. A number missed three times lapses.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::setup</name>
    <message>
        <source>Choose the county or district of the hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall number is two characters, digits or capital letters (01, 02, A1…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter number is 0 to 99.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol with the server first, or choose &quot;standalone&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalogue has been synced yet; choose a catalogue folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the catalogue folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address; write it as https://name:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the enrolment code from the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 cannot be reached (%2). Check the address, the network and that the server runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the enrolment code: it is wrong, already used or expired. Ask the server&apos;s administrator for a new one (onewindow-cli server enrol-code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled as counter %1 (number %2) of hall %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) of the hall fetched.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The hall&apos;s accounts could not be fetched yet (%1); the login waits for them, and the sync brings them once the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sharing</name>
    <message>
        <source>No data-sharing platform is configured on this workstation (sharing-endpoint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data-sharing platform&apos;s answer is larger than the %1 KB a shared material may be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The data-sharing platform did not answer within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The data-sharing platform has no record of %1 for this %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data-sharing platform refused this workstation&apos;s credentials (app %1): check sharing-app-id and sharing-secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data-sharing platform cannot be reached: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data-sharing platform is unavailable (HTTP %1)%2; try again later or take the paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citizen ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data-sharing platform&apos;s answer is malformed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names no source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its content is not base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its content is not a PDF, JPEG or PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::storage</name>
    <message>
        <source>unknown database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not switch to write-ahead logging (journal mode is “%2”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This SQLite build does not enforce foreign keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database must be sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committing a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 is empty (0 bytes): it was truncated or damaged. It is not started as a new database; restore it from a backup, or delete it if this is a new installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 is damaged or is not a OneWindow database (%2). Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2). It is not used: restore it from a backup (see “Recovery” in docs/deployment.md).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::supervision</name>
    <message>
        <source>Rating %1: the applicant is to be called back by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating %1: to be fixed and closed by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = “%2”: a whole number of working days from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rating follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promised deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notice without reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer list not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplement overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no status from the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad rating: applicant not called back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad rating: not fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refusal notice states no reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The correction notice names nothing to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised deadline %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted %1, not yet handed to the department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On transfer list %1 of %2, not confirmed by the department that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department&apos;s review is due %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred %1; no status from the department since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided %1; the result is not yet at the pickup counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready since %1; not yet handed over or mailed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was due %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = “%2”: a whole number from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points/grade_%1_points = %2: a grade needs at least the points of the grade below (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points/grade_%1_matters = %2: a grade needs at least the matters of the grade below (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = “%2”: a whole number of hours from 1 to 24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replied</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>satisfied</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsatisfied</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complainant unreachable</source>
        <comment>complaint</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Complaint %1 (%2) is still %3, %n day(s) past its deadline.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complaint past its deadline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::sync</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue package is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue package has no id or no usable version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue package names an unsafe path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 of the catalogue package is damaged (SHA-256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue package has no files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue folder %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the new catalogue into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server names no usable current catalogue version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue package %1 does not match what the server announced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s enrolment answer lacks the token, hall or counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not take the upload of scan %1 (it stays at byte %2 of %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 is not in this workstation&apos;s attachment store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered for none of the %1 events sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package names %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the server&apos;s; have it set right.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the server&apos;s; have it set right.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the server&apos;s; have it set right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the server&apos;s; have it set right.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the server&apos;s; have it set right.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the server&apos;s; have it set right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) cannot be read and wait with their cases: scan again or discard (onewindow-cli sync status).</source>
        <translation>
            <numerusform>%n scan cannot be read and waits with its case: scan again or discard (onewindow-cli sync status).</numerusform>
            <numerusform>%n scans cannot be read and wait with their cases: scan again or discard (onewindow-cli sync status).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a link to a file outside the catalogue folder; copy the file into the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s server %1 cannot be reached (%2). Nothing was changed: the hall&apos;s accounts are changed only on the server. Try again when it is back, or change the account on the server with onewindow-cli account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s server did not take the password changed at this counter for %1 (a hall administrator&apos;s password is changed only while the server is reachable, or it was reset on the server since): the password the server holds is valid again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hall administrator&apos;s password can be changed only while the hall&apos;s server is reachable, and the server %1 cannot be reached now (%2). Nothing was changed: try again when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s server refused the new password: %1 Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s queue cannot be reached (%1); the ticket&apos;s change is kept and sent when it answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer for pre-application %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code, the matter or the state is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scan without its id, size or SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s pre-applications could not be listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s server has no pre-application %1: check the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-application %1 could not be fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names another pre-application, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 of pre-application %2 could not be fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: it is listed with %2 bytes, more than a scan may have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the bytes received do not match the size and SHA-256 the server listed (damaged on the way, or changed on the server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pre-application is returned with at least one reason the applicant can act on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review of pre-application %1 was not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1 could not be marked as taken by case %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer ended after %1 of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has %1 bytes, more than the %2 expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary folder for the submitted catalogue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent catalogue version %1 for submission %2, which is version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered for none of the %1 complaints sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent %1 bytes; the department announced %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file the server sent does not match the SHA-256 the department announced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a PDF document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not hold the document yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result document(s) from departments were refused as received and are fetched again each round (onewindow-cli sync status).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::tableimport</name>
    <message>
        <source>%1 could not be copied for checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is an old Excel .xls workbook, which cannot be read: save it as .xlsx or as &quot;CSV UTF-8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not a complete .xlsx workbook (its ZIP container is damaged or cut short): save it again from the spreadsheet program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CSV file has no sheets: leave out the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; a material table is far smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook&apos;s part %1 is not well-formed XML (line %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook has no sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook holds more than %1 texts; this is not a material table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted cell in row %1 is never closed: the file may be cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: a cell is longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 has more than %2 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table has more than %1 rows; split it by matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file starts as UTF-8 but holds bytes that are not UTF-8: save it again as &quot;CSV UTF-8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file starts as UTF-16 but is damaged: save it again as &quot;CSV UTF-8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a text table (it holds NUL bytes): save the table as &quot;CSV UTF-8&quot; or as .xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8, and this build cannot read GB18030: save the table as &quot;CSV UTF-8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor GB18030 text: save the table as &quot;CSV UTF-8&quot; or as .xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file name inside %2/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no file %1: copy it into the folder %2/ first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PNG or JPEG image; a sample is a picture of the material with its review points marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image %1 does not decode whole (cut short or damaged): export it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names no option of the matter&apos;s questions: write the options&apos; labels as the matter has them, or a condition such as bath-area &gt;= 150</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these words name options of several questions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition %1 does not fit the matter: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither 是 nor 否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says the form twice, differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a category: write 表格, 证照批文, 技术性文件, 申请书, 承诺书 or 其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has no matter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row names no material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is also in row %2, described differently; write one material the same way in each of its rows (only 所属情形 and 是否容缺 may differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice for the same situation (rows %2 and %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the medium (介质) stays the library&apos;s, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source (来源渠道) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the blank form %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the library&apos;s material %2; it keeps %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matter %1 already requires %2 in this situation; left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table has a header (row %1) but no material rows under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter&apos;s first line (%1) is not in its file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows of the table cannot be imported (%1); nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no temporary folder for checking the import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed since the import was planned; nothing was written: run the import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appeared since the import was planned; nothing was written: run the import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matter has no question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question %1 has no option %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (write one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: the columns %2 and %3 both hold %4; keep one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header (row %1) has no column 所属情形 (Situation): add it, with 基本材料 in the rows every situation needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no header row: none of the first %1 rows has a column 材料名称 (Material)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet has a row numbered &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet has a cell named &quot;%1&quot; in row %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet has a cell outside any row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1%2 names text number %3, which the workbook does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1%2 lies past column %3; a material table has fewer columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1%2 is longer than %3 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet merges cells &quot;%1&quot;, which is not a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet merges too many ranges; this is not a material table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet&apos;s merged cells cover too much; this is not a material table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is a ZIP container but not an .xlsx workbook (it has no %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook has no sheet &quot;%1&quot;; its sheets: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook names sheet part %1, which it does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ZIP container could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook holds more than %1 parts; this is not a material table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook has no part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook&apos;s part %1 is damaged (it does not inflate or its checksum is wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook&apos;s part %1 inflates to more than %2 MiB; this is not a material table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workbook&apos;s parts inflate to more than the %1 MiB allowed in all; this is not a material table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue has errors; correct them before importing (see the problems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not among the catalogue&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui</name>
    <message>
        <source>No case store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected by an agent: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected by the applicant: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMS tracking number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock paused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by an agent, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by the applicant, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::AcceptanceWalkInterview</name>
    <message>
        <source>Acceptance walk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue version %1 under acceptance (submission %2): walk this situation as an applicant would be served. What changed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objection (what is wrong, if anything):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Walked, no objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record ob&amp;jection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 has no %2: record an objection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the open questions to reach the situation under acceptance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers are not the situation under acceptance (%1): go back to it to record the walk, or record an objection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the situation under acceptance. Check the checklist, the samples and the review points as at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::AcceptanceWalksDialog</name>
    <message>
        <source>Acceptance walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter and situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed in this situation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No situation is waiting for this counter&apos;s walk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n situation(s) waiting for this counter.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, submission %2
Answers: %3

%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection recorded for %1; the version goes back to its editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk recorded for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed situations of catalogue versions under acceptance. Walk each one (Enter) in the counter&apos;s interview on the submitted version, as an applicant would be served; it passes once %1 different counters walked it without objection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 could not be opened for the walk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::AccountEditDialog</name>
    <message>
        <source>Add clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles of the clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Staff number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::AccountTableModel</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled, must change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by staff number, name, role or state (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new password for %1 was shown once; the clerk must change it at the first login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1, shown only now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it to the clerk; it must be replaced at the first login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot disable your own account while you are signed in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk can log in again with the current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk can no longer log in at this counter. The cases and audit rows stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new password is generated and shown once; the old one stops working and a lockout is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s accounts are kept on its server: each change is sent there at once, checked with your password, and reaches every counter with the sync. Without the server nothing is changed. Unlock lifts a lockout on this counter only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;password (for the server):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password first: the server checks it for every change of the hall&apos;s accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the change to the hall&apos;s server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clerk can no longer log in at any counter of the hall, from each counter&apos;s next sync on. The cases and audit rows stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ApplicantForm</name>
    <message>
        <source>&amp;Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact&apos;s ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An &amp;agent applies on the applicant&apos;s behalf (authorisation letter needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver the result by &amp;post (EMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province / city / district:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient postcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a landline number; a mobile number is needed for text messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;rson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clerks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any part of the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export period to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chain verified: all %n row(s) are as they were written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Chain BROKEN at row %1: %2 Rows before it verify; rows after it cannot be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>audit-log-%1-%2.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 rows, newest first; More (or PageDown at the last row) shows the next %3. The export takes them all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CameraCaptureDialog</name>
    <message>
        <source>Document camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document camera — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the first page under the camera and press Space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take page (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn left (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn right (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop to page (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 taken. Space takes the next page; Ctrl+Enter when the material is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 taken whole: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole photo, no page found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cropped, levelled by %1°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Place the page under the camera; Space or Enter takes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseAttentionPanel</name>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the intake draft again where it was left (继续办理, Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disc&amp;ard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon the draft and remove its scans (放弃, Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake drafts (%1): resume or discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplements awaited (%1), %2 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplements awaited (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseDetailPanel</name>
    <message>
        <source>← Case list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the case list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the applicant&apos;s personal data is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in full; your access is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immediate case</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>promised case, %n working day(s)</source>
        <translation>
            <numerusform>promised case, %n working day</numerusform>
            <numerusform>promised case, %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>first handler %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result by post to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collected at the pickup counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known when the clock resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials (%1) · attachments: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy(ies)</numerusform>
            <numerusform>%n copy(ies)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) met</source>
        <translation>
            <numerusform>%n point met</numerusform>
            <numerusform>%n points met</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume the &amp;intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this intake draft again where it was left (继续办理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what the applicant hands in later and print the receipt (补齐补正)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a document of this case again, marked 补打 with the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaited (补齐补正)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, asked for by the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue, was due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist of materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance with waiver notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;upplement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant withdraws the application before the department decides (撤回申请, Alt+W)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseListPage</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every case of this workstation, newest first, with its deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision: every case against its promised deadline. Reading only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number, matter or applicant (masked), e.g. 运输 or 张*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Due within %n working day(s)</source>
        <translation>
            <numerusform>Due within %n working day</numerusform>
            <numerusform>Due within %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Created from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cases cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>No case store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My cases and drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the applicant the supplement receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the case (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts are resumed in the intake, which this window does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this intake draft?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;%2, last changed %3.&lt;/p&gt;&lt;p&gt;Its answers, applicant and checks are lost and its %n scan(s) are removed. This cannot be undone.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The draft of %1 was discarded with its scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint (补打): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 was withdrawn at the applicant&apos;s request; its department will be told.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseScreens</name>
    <message>
        <source>&amp;Pickup counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Online pre-applications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not at this workstation: it was taken in at another counter; its warning shows here, its file on the counter that holds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance &amp;walks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments&apos; lo&amp;g…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undelivered p&amp;ushes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor&apos;s desk is closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ChangeSummary</name>
    <message>
        <source>Change the answer to &quot;%1&quot; from &quot;%2&quot; to &quot;%3&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (was: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers no longer apply and will be cleared:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials that become required:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials no longer required:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist stays the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistDelegate</name>
    <message>
        <source>waivable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed in once for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not handed in (data sharing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistModel</name>
    <message>
        <source>Basic materials, needed in every situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials for this situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistPanel</name>
    <message>
        <source>Checklist of materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 materials: %2 basic, %3 for this situation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetched by the hall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waivable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation determined: the checklist is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions remain: the checklist may still change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintDialog</name>
    <message>
        <source>Record a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A complaint about the hall&apos;s service, taken at the counter or from the 12345 hotline. The server gives it its number; supervisors handle it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11 digits; the reply goes to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, in the complainant&apos;s words (Shift+Enter: a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number or scanned receipt; empty when none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none named)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (staff number %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, keyword or pinyin initials; empty when none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complai&amp;nant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lerk complained about:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;tter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case: the scanned receipt names no case held at this workstation; type its case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter: choose the matter from the list (type part of its name, then ↓ and Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintListDialog</name>
    <message>
        <source>Complaints I recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have recorded no complaint at this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded; %2 waiting to be sent; %3 refused by the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintScreens</name>
    <message>
        <source>Record a co&amp;mplaint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints I reco&amp;rded…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle compla&amp;ints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint recorded; it goes to the server with the next sync (Cases → Complaints I recorded shows its number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the supervisor&apos;s desk to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintsWindow</name>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-&amp;in password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the list again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply given to the complainant; Ctrl+Enter sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ply:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;new…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the r&amp;eply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close the complaint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password and press Enter: the server signs you in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not sign you in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: %1 The list shows its state now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended: sign in again (your password, Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1, from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 · overdue %2 · closed this month %3 (on time %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past its deadline and still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No complaint in this list.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (staff number %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who handles complaint %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint %1 assigned to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply: write the reply given to the complainant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply to complaint %1 is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did the complainant take the reply to complaint %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint %1 is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint %1 recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ConsultationDialog</name>
    <message>
        <source>Record a consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No situation question answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers so far: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the applicant asked, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer you gave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab: to the answer · Ctrl+Enter: save · Esc: leave without recording. Frequent questions are proposed to catalogue staff for the matter&apos;s FAQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the applicant&apos;s question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the answer you gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is %1 characters long; keep it to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeadLettersWindow</name>
    <message>
        <source>Undelivered pushes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushes to department systems that were given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-&amp;in password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected push back in line for its department (重新推送, Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every push was delivered or is still being tried: nothing was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) given up. Select one and press Enter to send it again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select the push to send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend the push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this push again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Case &lt;b&gt;%1&lt;/b&gt;, %2, to &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;It goes back in line for the department and is tried again from now, for as long as a new push.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push of case %1 to %2 is back in line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type your password and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DecisionPage</name>
    <message>
        <source>Decide on the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept and issue the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept with waiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept with &amp;waiver and issue the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further items to tell, one per line (missing materials and failed points are listed already):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the &amp;correction notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One reason per line; a refusal must state its reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reasons above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matter needs no licence (art. 32(1)(1))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not within this organ&apos;s powers (art. 32(1)(2))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The competent organ, when not within this organ&apos;s powers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reas&amp;ons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;instead at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse and issue the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved yet (numbered when saved or decided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · case %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not checked yet:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Missing:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Waived&lt;/b&gt;, due by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Waived&lt;/b&gt;, no due date yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fails a review point:&lt;/b&gt; %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received or shared · %2 missing · %3 waived · %4 failed points · %5 not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every material on the checklist was handed in and meets its review points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: an immediate matter, decided on the spot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ready: the receipt promises the decision by %1 (%n working day(s)).</source>
        <translation>
            <numerusform>Ready: the receipt promises the decision by %1 (%n working day).</numerusform>
            <numerusform>Ready: the receipt promises the decision by %1 (%n working days).</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: the notice names the waived materials and the dates they are due by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: the notice tells everything missing or wrong at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: the notice states the reasons and the applicant&apos;s rights of appeal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reasons first: a refusal must state them in writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gro&amp;und:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DepartmentLogDialog</name>
    <message>
        <source>Departments&apos; log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your password, to sign in to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all, or a department id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all, or a case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your password to read what departments did through the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a hall&apos;s server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password first: the server signs you in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer the log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 actions shown; narrow the filter or export them all. The server recorded this look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 actions. The server recorded this look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the departments&apos; log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 actions exported to %2. The server recorded the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted for the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned with reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Looks at the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case or item</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chain verified: all %n row(s) of the server&apos;s log are as they were written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Chain BROKEN from row %1: %2 Rows from it on cannot be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue submission %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the looks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looks at the log, newest first; the server recorded this reading too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a filter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeskTableTab</name>
    <message>
        <source>Export “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeskTodayTab</name>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases taken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted with waiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average handling time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over or mailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases taken in by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average wait by hour of the ticket (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings given (5 = very satisfied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average handling time (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases taken in %1:00–%1:59</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints closed on time this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeskWarningsTab</name>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print the supervision notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warnings on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 red, %3 yellow warning(s) in %n department(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 red, %3 yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a department or one of its warnings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervision notice was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the supervision notice as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;notice as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DevicePanel</name>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The devices of this counter: their state, a test for each, their settings, and where each document is printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply and restart devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which printer each document goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices at this counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The devices were restarted with these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeviceSettingsEditor</name>
    <message>
        <source>ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB (vendor bulk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB vendor and product ids (VID:PID) of the readers, separated by spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also read the fingerprint data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB &amp;ids:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait after opening:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUPS raw queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm (576 dots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm (384 dots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUPS &amp;queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ut:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pad on a serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window facing the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset A: keys 3 … 0 (four keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset B: keys 1 … 4, 0 = no rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hexadecimal byte = level (5 very satisfied … 1 very dissatisfied, 0 for the pad&apos;s no-rating key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;mapping:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time to answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB keyboard (wedge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port (USB-CDC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise it for a slow scanner; lower it if fast typists are taken for scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scanner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest &amp;gap between keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator: images from a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s default camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder of page images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop to the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the page level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. /dev/ttyUSB0 or COM3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the speed must be a positive whole number such as 9600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: choose the serial port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: give at least one USB id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: give the device file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: give the CUPS queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: choose the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: give the folder of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper &amp;width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DeviceStatusTable</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::DocumentPreview</name>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the document on A4 (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the document as a PDF file (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the 80 mm receipt and send it to the receipt printer (Ctrl+T); press again for the A4 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · case number %2 · Ctrl+N starts the next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;4 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 80 mm receipt (%1 × %2 dots) is ready for the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the document as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer for this document: saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::EvaluatorPadWindow</name>
    <message>
        <source>Service rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome. We are glad to serve you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by %1 (staff no. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you. We are sorry we did not serve you well; we will contact you within one working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your rating.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::FaqPanel</name>
    <message>
        <source>Frequently asked questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the questions and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the frequently asked questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frequently asked question applies to the answers so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries apply to the answers so far; tell the applicant the answer as written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Q: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry holds &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::IntakeFlow</name>
    <message>
        <source>No ID card reader is connected to this workstation; type the applicant&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera is connected to this workstation; import the scanned file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agent applies: the authorisation letter and the agent&apos;s ID card were added to the checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant applies in person: the agent&apos;s materials were removed from the checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every question first: the checklist is not settled yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the materials first, then decide (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as %1: hand the applicant the %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 recorded as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n file attached.</numerusform>
            <numerusform>%n files attached.</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this intake aside?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The intake of &lt;b&gt;%1&lt;/b&gt; is not decided. It is kept as a draft: resume it from the case list (&lt;i&gt;Resume&lt;/i&gt;).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put aside and start a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The intake of %1 is open again as it was left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume an intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the intake you left?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2), last changed %3, was not finished.&lt;/p&gt;&lt;p&gt;%n draft(s) in all; the others are in the case list.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 called: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 called: find the applicant&apos;s matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers ended in a screening outcome: no case can be accepted. Tell the applicant, and print the one-time notice if they wish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time notice of the screening outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opened in place of %2, with the answers both matters ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-application %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pre-application %1 opened: %2, with the applicant&apos;s answers, registration and %n scan(s). Check the originals, then decide.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) this catalogue no longer reads: ask the applicant.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scans for materials not on this checklist: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation keeps no cases, so it records no consultations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The intake was closed: nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation recorded for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::IntakeStepBar</name>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant · F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials · F4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision · F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::InterviewPage</name>
    <message>
        <source>← Back to search (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-thing bundle of %1 matters · lead department: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promised case, %1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immediate case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 questions answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 questions answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every matter of the bundle has reached its situation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the highlighted question to continue. Digits 1–9 choose an option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear every answer and start this interview again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions answered: the answers ended the interview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the checklist (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAQ: %1 (F12)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::LockOverlay</name>
    <message>
        <source>The workstation is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::LoginDialog</name>
    <message>
        <source>OneWindow — first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow — log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has no accounts yet. Create the administrator account; the administrator then creates the clerks&apos; accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in with your clerk account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was set by the hall administrator. Choose your own password (at least %1 characters, not only digits) before you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneWindow — switch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as another clerk. The open intake of %1 is saved as %1&apos;s draft and closed; it is not shown to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This counter is enrolled with the hall&apos;s server %1 and is waiting for the hall&apos;s accounts from it; they arrive with the sync as soon as the server answers, and the log-in opens by itself. The hall administrator creates accounts on the server (onewindow-cli account add).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s accounts have arrived. Log in with your clerk account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s server cannot be reached yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It goes to the hall&apos;s server at once; a hall administrator&apos;s password can be changed only while the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your new password to the hall&apos;s server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MainWindow</name>
    <message>
        <source>OneWindow Counter Workstation — %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue: %1, version %2, issued %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1: keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in on the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out of the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit the sample to the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enlarge the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OneWindow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a matter: go to the search field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: move through the results. Interview: previous / next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: open the selected matter. Interview: confirm and go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the option with that number (multi-choice: tick or untick it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous question, then the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the interview left last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the interview over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the sample in / out / fit it to the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarge the sample to the whole window, or shrink it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OneWindow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;OneWindow %1&lt;/b&gt; — the counter workstation for integrated acceptance.&lt;/p&gt;&lt;p&gt;Catalogue: %2, version %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gister the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the applicant of the open interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration: read the applicant&apos;s ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the &amp;checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step back: document → decision → material check → applicant → interview → search (the interview is kept); from an enlarged sample, back to the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the materials handed in, line by line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide: accept, accept with waiver, correction notice or refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the intake as a draft case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s checklist, to print or save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document: print it / save it as PDF / show the receipt for the receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a decision: start the next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material check: received / missing / waived / shared data; Ctrl+Enter: all points met, received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material check: photograph the material with the document camera / import scanned files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pickup counter: scan or type a case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case list with deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit with an intake open?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The intake of &lt;b&gt;%1&lt;/b&gt; is not decided. It is kept as a draft and offered again at the next start, or from the case list (&lt;i&gt;Resume&lt;/i&gt;).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the draft and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera is connected to this workstation; import the scanned file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: call the next ticket (its matter and ID card open the intake) / call it again / mark it a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: transfer the ticket to another counter or area / park it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor&apos;s desk: the hall&apos;s warnings and figures (supervisors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online pre-applications: pre-review, accept for the counter or return with reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a c&amp;onsultation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview: record a consultation — the applicant&apos;s question, Tab, the answer given, Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material check: fetch a data-shared material from the data-sharing platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview: the frequently asked questions that apply to the answers so far, in place of the checklist; again: back to the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a complaint: the case on screen, the clerk and the matter where known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup counter: print the department&apos;s result document / open it in the PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialAttachmentsBox</name>
    <message>
        <source>Import file…  Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan  F6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  ·  %2  ·  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans and files: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans and files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online pre-application  ·  %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialCheckPage</name>
    <message>
        <source>Material check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ material · → points · R received · M missing · W waive · D data sharing · Ctrl+Enter all met and received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waived, due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplied later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 points met</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n not met</source>
        <translation>
            <numerusform>%n not met</numerusform>
            <numerusform>%n not met</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waived</source>
        <translation>
            <numerusform>%n waived</numerusform>
            <numerusform>%n waived</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed point(s)</source>
        <translation>
            <numerusform>%n failed point</numerusform>
            <numerusform>%n failed points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n to check</numerusform>
            <numerusform>%n to check</numerusform>
        </translation>
    </message>
    <message>
        <source>all checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not handed in (data sharing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialCheckPanel</name>
    <message>
        <source>Space: met · F: not met, with the reason · Backspace: undo · ←: back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on this material (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be supplied by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received  R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing  M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waived  W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sharing  D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reason, or ↓ for a common error of this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No material selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waivable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the acceptance receipt names this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points: none listed for this material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points: not checked, the material was not handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points · %1 of %2 met</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n not met</source>
        <translation>
            <numerusform> · %n not met</numerusform>
            <numerusform> · %n not met</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter: waive with this deadline · Esc: cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material was not handed in: there is nothing to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is “%1” not met? The applicant is told this reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not handed in (data sharing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialDetailPanel</name>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank form: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content outline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference text: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MatterSearchPage</name>
    <message>
        <source>Which matter does the applicant come for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, code, keyword or pinyin initials, e.g. ggcswsxk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+→ resumes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 matters and bundles, the most frequent first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer characters, the code, or pinyin initials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Up/Down to choose, Enter to open.</source>
        <translation>
            <numerusform>%n result. Up/Down to choose, Enter to open.</numerusform>
            <numerusform>%n results. Up/Down to choose, Enter to open.</numerusform>
        </translation>
    </message>
    <message>
        <source>A guide code from the self-service checklist: Enter opens its matter with the applicant&apos;s answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide code cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide code names matter %1, which this catalogue does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pre-application code: Enter fetches what the applicant submitted online from the hall&apos;s server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-application code cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::MultiChoiceQuestionWidget</name>
    <message>
        <source>Confirm selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose any number (also none), then press Enter to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::NumberQuestionWidget</name>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>press Enter to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number, for example 120.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::OutcomePanel</name>
    <message>
        <source>Screening outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers show that no checklist applies: tell the applicant the outcome and its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the one-time notice (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply instead for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter cannot be accepted in this situation. Open the matter above: the answers both matters ask are carried over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter cannot be accepted in this situation; nothing needs to be handed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it with these answers (F7)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PickupPage</name>
    <message>
        <source>Pickup counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code on the applicant&apos;s receipt, or type the case number and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number or scanned case link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the person collecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their citizen ID number (read the card or type it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send by EMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post the result through the unified postal channel and keep the waybill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record mailing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a receipt to be scanned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. The applicant asked for delivery by post: send it by EMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Check the collector&apos;s ID card, then record the hand-over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: the licence or written decision of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver by post to %1 %2, %3%4%5 %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be collected at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the photo on the card with the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid ID number, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailed: case %1 by EMS %2. Keep the waybill with the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for pickup (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMS tracking number, e.g. EA123456785CN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13 characters: EA123456785CN, or 13 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Pickup counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the pickup counter (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailing address lacks %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over: case %1 to %2. Ask them to sign the pickup slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over: case %1 to %2. Print the pickup slip and have it signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailed: case %1 by EMS %2. Print the label for the envelope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded, but the document cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient&apos;s mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailing address saved for case %1. Scan or type the EMS number, then record the mailing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Originals to return: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PointCheckDelegate</name>
    <message>
        <source>Not met: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PointsDrillDownDialog</name>
    <message>
        <source>Case taken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points of %1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the points are corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;correction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct by &amp;points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points %1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Total %1 points from %n item(s); grade %2, %3 qualified matters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The items add up to %1, not to the total the server gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the points to add, or a negative number to take away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A correction needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 point(s) for %2 in %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1&lt;br&gt;The correction is kept as an item of its own with your name; it is not an edit and cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The correction was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction of %1 point(s) recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue item maintained</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PracticeDialog</name>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each question is a real situation of a matter, drawn from the catalogue the counter works with: tick the materials the applicant must bring, and the counter&apos;s own checklist marks the answer. The pass mark is %1%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 · bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Matters to practise (Space ticks; none ticked: the whole catalogue, high-frequency matters most often)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s situation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Materials the applicant must bring (Space ticks, Enter marks the answer):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practise again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation keeps no practice record: the scores count toward no points or grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every material the applicant must bring in this situation, then press Enter. The answer is marked against the counter&apos;s checklist; the review points of what you missed show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the &amp;answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not to be brought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice is recorded; it counts toward your points and grade once this workstation has synced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PracticeReport</name>
    <message>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2: %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This matter has one situation: no question splits it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 / %2: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 / %2: below the pass mark of %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed — the applicant must bring these (review points):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked, but not to be brought here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data-shared: the hall fetches it, the applicant need not bring it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not required in this situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every material right: nothing missed, nothing extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): not passed, the pass mark is %4%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PreApplicationPickup</name>
    <message>
        <source>Pre-application %1: this workstation is not enrolled with the hall&apos;s server, so it cannot fetch what the applicant submitted online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1: cases cannot be taken in at this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1 was returned to the applicant by the pre-review: %2. It cannot be taken in until the applicant submits it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1 was already taken in as case %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(number not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1 is %2: the counter takes in only one submitted or accepted by the pre-review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1 is for matter %2, which this workstation&apos;s catalogue does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::PreReviewDialog</name>
    <message>
        <source>Online pre-applications: pre-review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-applications &amp;waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a scan to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons &amp;for returning, one a line (the applicant reads them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept for the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn to the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not enrolled with the hall&apos;s server: there are no online pre-applications to review here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1  %2
%3 · submitted %4 · %n scan(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pre-application(s) waiting for the pre-review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a pre-application on the left.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Code %1 · submitted %2 · verified mobile %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Applicant:&lt;/b&gt; %1 %2 · %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;This workstation&apos;s catalogue does not have matter %1.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answers:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The answers do not reach a situation in this catalogue: return the pre-application, or let the counter ask.&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Checklist:&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data-shared: nothing to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) cannot be shown here; the counter opens it with the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write at least one reason, one a line: the applicant reads them to put the application right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-application %1 accepted for the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pre-application %1 returned to the applicant with %n reason(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::PrinterRoutingTable</name>
    <message>
        <source>print dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Documents folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;PDFs in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::QuestionWidget</name>
    <message>
        <source>Preset by the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::QueueBar</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This counter works without the hall&apos;s queue: take applicants in the order they come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1: asking the hall&apos;s queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall&apos;s queue cannot be reached (%1): take applicants in the order they come; the bar follows when it answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (clerk %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>called %1 (%n call(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service area %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hall has no other counter or service area to transfer to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer ticket %1 to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::RegistrationPage</name>
    <message>
        <source>Register the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3 reads the ID card · F4 goes on to check the materials · Esc back to the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3 reads the ID card · Ctrl+Shift+P shows the checklist · Esc back to the questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ResultDocumentsBox</name>
    <message>
        <source>Result documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print result document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the department&apos;s document on the counter&apos;s printer (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the document in the PDF viewer (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 · %3 · %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result documents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not received: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is still being downloaded from the server; it comes with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Printed “%1”: %n page(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No PDF viewer could open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” opened in the PDF viewer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SampleViewer</name>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to the view (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a material in the checklist to see its review points and sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue gives no review points for this material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample image %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue has no sample image for this material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ScanFailuresDialog</name>
    <message>
        <source>Scans that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These scans cannot be read from this computer&apos;s disk, so the cases citing them wait while everything else is sent. Scan the material again and choose &lt;b&gt;Read again&lt;/b&gt;, or &lt;b&gt;Give up&lt;/b&gt; the scan to send the case without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The material was scanned again: read the scan afresh at the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the case without this scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up the scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send case %1 without this scan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The scan of &lt;b&gt;%1&lt;/b&gt; is no longer kept with the case on the server. Do this only when the material cannot be scanned again; it cannot be undone here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SearchResultDelegate</name>
    <message>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SearchResultModel</name>
    <message>
        <source>one-thing bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promised, %1 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyword: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched a keyword</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SessionGuard</name>
    <message>
        <source>Clerk: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open intake of %1 could not be saved as a draft, so the counter stays with %1. %1 unlocks and saves or finishes it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account of %1 was disabled by the hall administrator and can no longer be used at this counter. Another clerk signs in with Switch user; the open intake is then saved as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SetupDialog</name>
    <message>
        <source>Set up this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not set up yet. Say which hall and counter it is, whether it works with the hall&apos;s server, and which catalogue it uses. IT can preset all of this in the machine-wide file (see the deployment guide); then this window does not appear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start OneWindow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall and counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ci&amp;ty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cou&amp;nty or district:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hall number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounter number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case numbers start with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stand&amp;alone: this counter keeps its cases and accounts itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol with the hall&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-time code from the server&apos;s administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;rol now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server a&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A catalogue &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the de&amp;mo catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device settings yet; set them later under Tools → Devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quick check; the settings are under Tools → Devices after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the catalogue folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose the county or district)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, hall %3, counter %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalogue has been synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest catalogue from the ser&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SharedMaterialBox</name>
    <message>
        <source>Data sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the paper is taken instead (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch  F7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not configured  F7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7: fetch %1 from the data-sharing platform by the applicant&apos;s credit code or ID number, attached to the case as its scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7: no data-sharing platform is configured on this workstation (sharing-endpoint); take the paper instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching %1 from the data-sharing platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched from %1 at %2 · reference %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken on paper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data-sharing platform is configured here: take the paper, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant need not bring it: F7 fetches it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SharedMaterialControl</name>
    <message>
        <source>Fetching from the data-sharing platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken on paper; the reason is recorded on the material&apos;s check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched through data sharing and attached to the case; check its review points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard. The mouse works too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SupervisorDeskPage</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor&apos;s desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own password: the server checks it and signs you in for a few hours. It is not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clerks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a hall server: the desk shows the hall from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password and press Enter to fetch the hall from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password first: the server signs you in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not sign you in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached (%1); no copy of the desk is kept here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hall-wide from the server, as of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the data of %1 (%2 old).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases decided at the counter from the first of the month; ratings as given to each clerk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last twelve months: the top 100 matters are high-frequency, 101–400 middle, the rest low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-&amp;in password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran&amp;king and grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerks %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matters %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call to receipt (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or a double-click on a clerk shows the items that make the points, and corrects them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again (your password, Enter) to see a clerk&apos;s items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon&amp;th:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again (your password, Enter) to see another month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ranking as it was fetched; sign in to fetch it anew and to drill down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the ranking of %1 as fetched %2 (%3 old).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comp&amp;laints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undelivered p&amp;ushes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushes to department systems that were given up (推送失败)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::SupplementPage</name>
    <message>
        <source>← Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the case without recording (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;can the selected material  F6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photograph what the applicant handed in with the document camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the hand-in and print the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store what was handed in and print the supplement receipt (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check each material handed in like at intake: R received, its review points met; F6 scans it. What is not handed in now stays awaited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement · case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n material(s) awaited</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached; they are stored with the hand-in.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::SyncStatusIndicator</name>
    <message>
        <source>Connection to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n event(s) waiting</source>
        <translation>
            <numerusform>%1 · %n event waiting</numerusform>
            <numerusform>%1 · %n events waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server cannot be reached; cases are kept here and sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click for the scans that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::TransferPage</name>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the transfer list&apos;s QR code, then the label of each folder handed over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper of the cases accepted here goes to each department at its handover slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer lists of the hall; lists not confirmed after their day are in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the list&apos;s code, then each folder label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a transfer list&apos;s code to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed by the end of their day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the waiting folders on the list of this handover slot and print it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder la&amp;bels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm the handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders not scanned are recorded as missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Transfer lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the transfer lists (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a transfer list&apos;s QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a department with paper waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed, flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 · %3
%n folder(s), %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No paper is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No list today yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by %1; the department has not confirmed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every list is confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the folders, then make the list for the %1 handover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Transfer list made: %n folder(s) for %1. Print it and the folder labels.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The document cannot be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer list for %1: print it; the receiver signs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder labels: cut them apart and stick one on each folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>List for %1: scan the label of each folder handed over (%n folder(s) on it).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This list was confirmed by %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list is waiting for the department&apos;s confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the transfer list&apos;s QR code first, then the folder labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not the code of a transfer list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Folder %1 received; %n still to scan.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Folder %1 was scanned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 is not on this list: it is recorded as extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Handover confirmed: %n folder(s) received.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Handover confirmed with %n folder(s) received and flagged — %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No list is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer list · %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not made yet: these folders wait for the list of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>List %1, made by %2; %n folder(s), %3 pages.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra, not on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n material(s): %1 original, %2 copy</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open a list to see its folders; scan its code or choose it on the left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::WithdrawalDialog</name>
    <message>
        <source>Withdraw the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw case %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is closed at the applicant&apos;s request and its department is told to stop its review. A withdrawn application cannot be taken up again: to go on later, the applicant applies anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An a&amp;gent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the applicant states it, e.g. applied elsewhere, plan given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the reason the applicant gives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the agent&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ow::ui::WorkstationDevices</name>
    <message>
        <source>Case %1 was not rated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ID card reader is connected to this workstation; type the applicant&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the applicant&apos;s ID card on the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s details were read from the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned %1: open the pickup page (Ctrl+Shift+K) to look a case up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document camera is connected to this workstation; import the scanned file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating of case %1 could not be recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 rated &quot;%2&quot;: a bad rating, to be followed up within one working day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 rated &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is set up at this counter: print the document on paper instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer did not take the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was sent to the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation was started without device settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
