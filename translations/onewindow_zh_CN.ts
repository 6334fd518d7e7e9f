<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditReview</name>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Personal data viewed or printed</source>
        <translation>查看或打印个人信息</translation>
    </message>
    <message>
        <source>Case actions and corrections</source>
        <translation>办件操作与更正</translation>
    </message>
    <message>
        <source>Logins and account changes</source>
        <translation>登录与账号变更</translation>
    </message>
    <message>
        <source>Audit log viewed or exported</source>
        <translation>查看或导出审计日志</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>BROKEN</source>
        <translation>已被篡改</translation>
    </message>
    <message>
        <source>After the break</source>
        <translation>断点之后（无法校验）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>校验链</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希值</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>The language: zh_CN (default) or en.</source>
        <translation>界面语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>The catalogue folder to open (else choose it with Ctrl+O).</source>
        <translation>要打开的目录文件夹（也可启动后按 Ctrl+O 选择）。</translation>
    </message>
    <message>
        <source>OneWindow catalogue editor, for catalogue staff: edit a catalogue folder (docs/catalogue-format.md) as a tree of matters, questions, options, requirements, materials and bundles, with the lint running as you type, and save only what you changed (files you did not touch stay byte for byte as they were). Before saving it shows which situations gain or lose which materials. A catalogue editor who signs in to the hall&apos;s server (Review menu) locks the matters he edits and submits versions for review there; without signing in, folders are edited offline.</source>
        <translation>一窗受理目录编辑器，供目录维护人员使用：以事项、情形问题、选项、所需材料、材料库和一件事组成的树编辑目录文件夹（格式见 docs/catalogue-format.md），边输入边检查，保存时只写入改动的内容（未改动的文件逐字节保持原样）。保存前列出哪些办事情形增加或减少了哪些材料。目录编辑人员登录大厅服务器（“审核”菜单）后，可锁定正在编辑的事项并提交版本审核；不登录时只在本地编辑目录。</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>OneWindow kiosk (取号机): the visitor chooses the matter, may swipe the ID card and type a mobile number, and takes a printed ticket.

The kiosk&apos;s credential is an enrolled workstation&apos;s: enrol its data folder once (onewindow-cli server enrol-code --counter K01, then onewindow-cli sync enrol --data-dir DIR) and start with --data-dir DIR, or give --server URL --key KEY.</source>
        <translation>一窗受理取号机：办事群众选择事项，可刷身份证、输入手机号码，领取打印的号票。

取号机使用已登记工作站的凭据：先为其数据目录登记一次（onewindow-cli server enrol-code --counter K01，再 onewindow-cli sync enrol --data-dir DIR），然后以 --data-dir DIR 启动；也可直接给出 --server URL --key KEY。</translation>
    </message>
    <message>
        <source>An enrolled data folder: the server, the key and the hall come from it.</source>
        <translation>已登记的数据目录：服务器、凭据和大厅均从中读取。</translation>
    </message>
    <message>
        <source>The queue server&apos;s address.</source>
        <translation>排队叫号服务器的地址。</translation>
    </message>
    <message>
        <source>The token of an enrolled workstation of the hall.</source>
        <translation>本大厅已登记工作站的凭据。</translation>
    </message>
    <message>
        <source>The hall code, for the ticket&apos;s follow-the-queue page (default: the enrolment&apos;s).</source>
        <translation>大厅编码，用于号票的排队进度页面（默认取登记信息中的大厅）。</translation>
    </message>
    <message>
        <source>The hall&apos;s name, on the screen and the ticket.</source>
        <translation>大厅名称，显示在屏幕和号票上。</translation>
    </message>
    <message>
        <source>The catalogue folder (default: $OW_CATALOGUE, else the newest synced one in --data-dir).</source>
        <translation>事项目录文件夹（默认 $OW_CATALOGUE，否则为 --data-dir 中最新同步的目录）。</translation>
    </message>
    <message>
        <source>The kiosk&apos;s device settings, an INI file like the workstation&apos;s (default: devices.ini in --data-dir); the ID card reader and the receipt printer are used, simulators included.</source>
        <translation>取号机的设备设置，与工作站相同格式的 INI 文件（默认 --data-dir 中的 devices.ini）；使用其中的身份证阅读器和小票打印机，模拟器亦可。</translation>
    </message>
    <message>
        <source>A window instead of full screen (demos).</source>
        <translation>以窗口而非全屏方式运行（演示用）。</translation>
    </message>
    <message>
        <source>The language: zh_CN (default) or en.</source>
        <translation>界面语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>%1 is not enrolled with a server (onewindow-cli sync enrol).</source>
        <translation>%1 尚未在服务器登记（onewindow-cli sync enrol）。</translation>
    </message>
    <message>
        <source>The kiosk needs --data-dir DIR, or --server URL and --key KEY.</source>
        <translation>取号机需要 --data-dir DIR，或 --server URL 和 --key KEY。</translation>
    </message>
    <message>
        <source>No catalogue: give --catalogue DIR or set OW_CATALOGUE.</source>
        <translation>没有事项目录：请给出 --catalogue DIR 或设置 OW_CATALOGUE。</translation>
    </message>
    <message>
        <source>The catalogue in %1 could not be loaded (onewindow-cli catalogue lint %1 says why).</source>
        <translation>无法加载 %1 中的事项目录（onewindow-cli catalogue lint %1 可查看原因）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Enrolling this workstation with %1…</source>
        <translation>正在将本工作站注册到 %1……</translation>
    </message>
    <message>
        <source>OneWindow counter workstation.

Every option can also be set in the per-user settings or the machine-wide file (%1), under [workstation] with the option&apos;s name; the command line wins, then the per-user settings, then the machine-wide file.</source>
        <translation>一窗受理窗口工作台。

每个选项也可写在个人设置或全机配置文件（%1）的 [workstation] 节中，键名与选项名相同；命令行优先，其次是个人设置，再次是全机配置文件。</translation>
    </message>
    <message>
        <source>The catalogue folder (default: $OW_CATALOGUE, else the newest synced catalogue, else the setup asks).</source>
        <translation>事项目录文件夹（默认：$OW_CATALOGUE，否则为最新同步的目录，否则由设置窗口询问）。</translation>
    </message>
    <message>
        <source>The hall code that starts every case number: the county&apos;s 6-digit GB/T 2260 code and a 2-character hall number, e.g. 33030201.</source>
        <translation>每个办件编号开头的大厅代码：县级 6 位 GB/T 2260 代码加 2 位大厅编号，例如 33030201。</translation>
    </message>
    <message>
        <source>This counter&apos;s number, 0–99.</source>
        <translation>本窗口的编号，0–99。</translation>
    </message>
    <message>
        <source>The hall&apos;s onewindow-server, e.g. https://onewindow.example:8443.</source>
        <translation>大厅的 onewindow-server，例如 https://onewindow.example:8443。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>A one-time enrolment code, used once at the first start.</source>
        <translation>一次性注册码，首次启动时使用一次。</translation>
    </message>
    <message>
        <source>Work without a server (no enrolment).</source>
        <translation>不连接服务器工作（不注册）。</translation>
    </message>
    <message>
        <source>Read the machine-wide settings from this file (default: $OW_MACHINE_CONFIG, else %1).</source>
        <translation>从此文件读取全机设置（默认：$OW_MACHINE_CONFIG，否则为 %1）。</translation>
    </message>
    <message>
        <source>Show the hall setup even when this workstation is set up.</source>
        <translation>即使本工作站已设置，也显示大厅设置窗口。</translation>
    </message>
    <message>
        <source>… and %1 more (see the details, or run onewindow-cli catalogue lint).</source>
        <translation>……另有 %1 条（请查看详细信息，或运行 onewindow-cli catalogue lint）。</translation>
    </message>
    <message>
        <source>OneWindow</source>
        <translation>一窗受理</translation>
    </message>
    <message>
        <source>The catalogue in %1 could not be loaded.</source>
        <translation>无法加载 %1 中的事项目录。</translation>
    </message>
    <message>
        <source>%1

Start with --catalogue FOLDER or set OW_CATALOGUE to a catalogue folder.</source>
        <translation>%1

请用 --catalogue FOLDER 启动，或将 OW_CATALOGUE 设为事项目录文件夹。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>Language: zh_CN (default) or en.</source>
        <translation>界面语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>The folder of the case database (default: the application data folder).</source>
        <translation>办件数据库所在文件夹（默认：应用程序数据文件夹）。</translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes; 0 never locks (default: 10).</source>
        <translation>空闲达到此分钟数后锁定工作站；0 表示从不锁定（默认：10）。</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>The hall&apos;s settings file (name, seal, wording of the documents).</source>
        <translation>大厅设置文件（名称、印章、文书措辞）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Print documents on the default printer without asking.</source>
        <translation>直接用默认打印机打印文书，不弹出打印对话框。</translation>
    </message>
    <message>
        <source>The counter&apos;s device settings, an INI file (default: devices.ini in the data folder).</source>
        <translation>本窗口的设备设置（INI 文件，默认为数据文件夹中的 devices.ini）。</translation>
    </message>
    <message>
        <source>This workstation has no screens for the role %1.</source>
        <translation>本工作站没有适用于角色“%1”的界面。</translation>
    </message>
    <message>
        <source>Qt&apos;s own translations for %1 are not installed (Debian package qt6-translations-l10n): Qt&apos;s dialogs and standard buttons will be in English.</source>
        <translation>未安装 Qt 自带的 %1 译文（Debian 软件包 qt6-translations-l10n）：Qt 的对话框和标准按钮将显示为英文。</translation>
    </message>
    <message>
        <source>Questions in a practice quiz (Help → Practice…), 1–50 (default: 10).</source>
        <translation>业务练习（帮助 → 业务练习）每次的题数，1–50（默认 10）。</translation>
    </message>
    <message>
        <source>The pass mark of a practice quiz, in percent of the score (default: 80).</source>
        <translation>业务练习的及格线，占总分的百分比（默认 80）。</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>percent</translation>
    </message>
</context>
<context>
    <name>ow::LayeredConfig</name>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>per-user settings</source>
        <translation>个人设置</translation>
    </message>
    <message>
        <source>machine-wide file</source>
        <translation>全机配置文件</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>ow::LibraryMessages</name>
    <message>
        <source>An image is too large to open: it would need more than %1 MB of memory.</source>
        <translation>图像过大，无法打开：需要超过 %1 MB 内存。</translation>
    </message>
    <message>
        <source>A PNG image is damaged and cannot be read.</source>
        <translation>PNG 图像已损坏，无法读取。</translation>
    </message>
    <message>
        <source>A PNG image has a small defect, which is ignored.</source>
        <translation>PNG 图像有一处小缺陷，已忽略。</translation>
    </message>
    <message>
        <source>A JPEG image is damaged or incomplete; what could be read of it is used.</source>
        <translation>JPEG 图像已损坏或不完整；将使用能读出的部分。</translation>
    </message>
    <message>
        <source>An image carries a colour profile that cannot be used; its colours are taken as they are.</source>
        <translation>图像附带的色彩配置文件无法使用；按原样使用其颜色。</translation>
    </message>
    <message>
        <source>An image could not be read as expected: the file is damaged or of a kind that is not supported.</source>
        <translation>未能正常读取图像：文件已损坏或属于不支持的类型。</translation>
    </message>
</context>
<context>
    <name>ow::MachineConfig</name>
    <message>
        <source>The configuration file %1 cannot be read; check its permissions.</source>
        <translation>无法读取配置文件 %1，请检查其权限。</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation>配置文件 %1 不是有效的 INI 文件。</translation>
    </message>
</context>
<context>
    <name>ow::TextFile</name>
    <message>
        <source>cannot open file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>file is not valid UTF-8 text (save it as UTF-8)</source>
        <translation>文件不是有效的 UTF-8 文本（请另存为 UTF-8 编码）</translation>
    </message>
    <message>
        <source>cannot write file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>this is a folder; a file is expected here</source>
        <translation>这是一个文件夹；此处需要的是文件</translation>
    </message>
</context>
<context>
    <name>ow::accounts</name>
    <message>
        <source>The accounts in %1 were written by a newer OneWindow (accounts schema version %2; this program knows up to %3).</source>
        <translation>%1 中的账户数据由较新版本的一窗受理写入（账户结构版本 %2；本程序最高支持 %3）。</translation>
    </message>
    <message>
        <source>Migration %1 of the accounts (%2) failed and was rolled back: %3</source>
        <translation>账户数据迁移 %1（%2）失败，已回滚：%3</translation>
    </message>
    <message>
        <source>The login name or the password is wrong, or the account is disabled.</source>
        <translation>登录名或密码错误，或账户已停用。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password needs both letters and digits or other signs.</source>
        <translation>密码必须同时包含字母，以及数字或其他符号。</translation>
    </message>
    <message>
        <source>An administrator already exists; log in with an existing account.</source>
        <translation>已存在管理员；请用现有账户登录。</translation>
    </message>
    <message>
        <source>A login name is one word without spaces.</source>
        <translation>登录名须为一个不含空格的词。</translation>
    </message>
    <message>
        <source>The account needs the clerk&apos;s name.</source>
        <translation>账户需要填写窗口人员姓名。</translation>
    </message>
    <message>
        <source>The login name %1 is already taken.</source>
        <translation>登录名 %1 已被占用。</translation>
    </message>
    <message>
        <source>creating the account %1</source>
        <translation>创建账户 %1</translation>
    </message>
    <message>
        <source>updating the account %1</source>
        <translation>更新账户 %1</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>不存在账户 %1。</translation>
    </message>
    <message>
        <source>Intake clerk</source>
        <translation>受理人员</translation>
    </message>
    <message>
        <source>Pickup clerk</source>
        <translation>出件人员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>窗口主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>The account needs at least one role.</source>
        <translation>账号至少需要一个角色。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account %1 is locked until %2.</source>
        <translation>密码错误次数过多：账号 %1 已锁定至 %2。</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <source>Catalogue editor</source>
        <translation>事项目录编辑</translation>
    </message>
    <message>
        <source>The login name or the password is wrong, or the account is disabled. A password changed at this counter on %1 was not taken by the hall&apos;s server; the password the server holds is valid.</source>
        <translation>登录名或密码错误，或账号已停用。%1 在本窗口修改的密码未被大厅服务器接受，现以服务器上的密码为准。</translation>
    </message>
    <message>
        <source>The password of %1 is not a password hash.</source>
        <translation>%1 的密码不是有效的密码摘要。</translation>
    </message>
    <message>
        <source>Department receiver</source>
        <translation>部门接收人员</translation>
    </message>
</context>
<context>
    <name>ow::authoring</name>
    <message>
        <source>the catalogue folder does not exist</source>
        <translation>目录文件夹不存在</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>the catalogue has no such file</source>
        <translation>目录中没有这个文件</translation>
    </message>
    <message>
        <source>this file is not UTF-8 text, so it cannot be edited here; save it as UTF-8 first</source>
        <translation>该文件不是 UTF-8 文本，不能在此编辑；请先将其另存为 UTF-8</translation>
    </message>
    <message>
        <source>no entry starts on this line</source>
        <translation>这一行不是条目的开头</translation>
    </message>
    <message>
        <source>a value is one line; it cannot hold a line break</source>
        <translation>内容只能写在一行内，不能换行</translation>
    </message>
    <message>
        <source>an id is one word of ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>标识须为一个词，只能使用英文字母、数字和“-”“_”“.”</translation>
    </message>
    <message>
        <source>an entry to add needs its first line</source>
        <translation>新增条目缺少首行</translation>
    </message>
    <message>
        <source>give the entry&apos;s lines one by one, without line breaks</source>
        <translation>请逐行给出条目内容，行内不能换行</translation>
    </message>
    <message>
        <source>the entry to add after is not among the entry&apos;s siblings</source>
        <translation>指定的前一条目不在同一层级中</translation>
    </message>
    <message>
        <source>this entry is already the first of its block</source>
        <translation>该条目已在本层级的最前面</translation>
    </message>
    <message>
        <source>this entry is already the last of its block</source>
        <translation>该条目已在本层级的最后面</translation>
    </message>
    <message>
        <source>this file cannot be edited here</source>
        <translation>该文件不能在此编辑</translation>
    </message>
    <message>
        <source>the file&apos;s lines are no longer those this change was made for</source>
        <translation>文件内容已变化，与这项修改针对的内容不符</translation>
    </message>
    <message>
        <source>cannot read the file to check it: %1</source>
        <translation>无法读取文件以进行核对：%1</translation>
    </message>
    <message>
        <source>the file was changed on disk since it was opened here; nothing was saved, so that neither change is lost. Compare the two, then open the catalogue again</source>
        <translation>该文件在打开后已被其他程序或人员修改；为避免任何一方的修改丢失，本次未保存任何文件。请对比两处修改后重新打开目录</translation>
    </message>
    <message>
        <source>the file could not be written and keeps its old content: %1</source>
        <translation>文件写入失败，仍保留原有内容：%1</translation>
    </message>
    <message>
        <source>(saved before it: %1)</source>
        <translation>（此前已保存：%1）</translation>
    </message>
    <message>
        <source>a new file goes into materials/, matters/ or bundles/ and is named with ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, ending in .txt</source>
        <translation>新文件须放在 materials/、matters/ 或 bundles/ 下，文件名由英文字母、数字和“-”“_”“.”组成，以 .txt 结尾</translation>
    </message>
    <message>
        <source>the catalogue already has a file of this name; a new file never replaces one</source>
        <translation>目录中已有同名文件；新建文件不会覆盖已有文件</translation>
    </message>
    <message>
        <source>the file could not be removed</source>
        <translation>无法删除该文件</translation>
    </message>
</context>
<context>
    <name>ow::authoring::ConditionRows</name>
    <message>
        <source>this condition is nested deeper than rows in groups can show: edit it as text</source>
        <translation>此条件嵌套层次超出行和组所能表示的范围，请直接编辑文字</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>choose a question</source>
        <translation>请选择问题</translation>
    </message>
    <message>
        <source>the matter has no question &apos;%1&apos;</source>
        <translation>本事项没有问题“%1”</translation>
    </message>
    <message>
        <source>「%1」 is not asked before this entry; a question&apos;s condition may only use earlier questions</source>
        <translation>「%1」不在本条目之前提问；问题的条件只能引用在它之前的问题</translation>
    </message>
    <message>
        <source>this comparison does not suit the kind of 「%1」</source>
        <translation>此关系不适用于「%1」的题型</translation>
    </message>
    <message>
        <source>choose an option</source>
        <translation>请选择选项</translation>
    </message>
    <message>
        <source>choose only one option</source>
        <translation>只能选择一个选项</translation>
    </message>
    <message>
        <source>「%1」 has no option &apos;%2&apos;</source>
        <translation>「%1」没有选项“%2”</translation>
    </message>
    <message>
        <source>write a number</source>
        <translation>请填写数值</translation>
    </message>
    <message>
        <source>%1 lies outside the range of 「%2」 (%3 to %4)</source>
        <translation>%1 超出「%2」的取值范围（%3 至 %4）</translation>
    </message>
    <message>
        <source>the lower bound %1 is above the upper bound %2</source>
        <translation>下限 %1 大于上限 %2</translation>
    </message>
</context>
<context>
    <name>ow::authoring::EntryCondition</name>
    <message>
        <source>this entry takes no condition</source>
        <translation>此条目不能设置条件</translation>
    </message>
</context>
<context>
    <name>ow::authoring::NewEntry</name>
    <message>
        <source>New material</source>
        <translation>新材料</translation>
    </message>
    <message>
        <source>New matter</source>
        <translation>新事项</translation>
    </message>
    <message>
        <source>New question?</source>
        <translation>新问题？</translation>
    </message>
    <message>
        <source>New option</source>
        <translation>新选项</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>审查要点</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新条目</translation>
    </message>
    <message>
        <source>New frequently asked question?</source>
        <translation>新的常见问题？</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>答复内容</translation>
    </message>
</context>
<context>
    <name>ow::authoring::NewMatterFile</name>
    <message>
        <source>Write the matter&apos;s code from the provincial catalogue, e.g. 330302-WJ-009.</source>
        <translation>请填写省级事项目录中的事项编码，例如 330302-WJ-009。</translation>
    </message>
    <message>
        <source>A code is ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting with a letter or a digit.</source>
        <translation>编码只能由英文字母、数字和“-”“_”“.”组成，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The catalogue already has a matter with this code.</source>
        <translation>目录中已有使用该编码的事项。</translation>
    </message>
    <message>
        <source>Write the matter&apos;s name as the catalogue of matters has it.</source>
        <translation>请按事项目录填写事项名称。</translation>
    </message>
    <message>
        <source>The name is one line.</source>
        <translation>事项名称只能写一行。</translation>
    </message>
    <message>
        <source>Choose the department the matter belongs to.</source>
        <translation>请选择事项所属部门。</translation>
    </message>
    <message>
        <source>A promised case needs its promised working days, 1 or more.</source>
        <translation>承诺件须填写承诺时限，至少 1 个工作日。</translation>
    </message>
</context>
<context>
    <name>ow::authoring::SampleMarks</name>
    <message>
        <source>This material has no sample image yet. Put the image in the catalogue&apos;s samples folder (for example samples/%1.png) and choose it with &quot;Choose the sample image&quot;.</source>
        <translation>该材料还没有示例图片。请把图片放进目录的 samples 文件夹（例如 samples/%1.png），再用“选择示例图片”选定。</translation>
    </message>
    <message>
        <source>The sample line names no image. Put the image in the catalogue&apos;s samples folder (for example samples/%1.png) and choose it with &quot;Choose the sample image&quot;.</source>
        <translation>示例一行没有写图片。请把图片放进目录的 samples 文件夹（例如 samples/%1.png），再用“选择示例图片”选定。</translation>
    </message>
    <message>
        <source>The sample image %1 lies outside the catalogue folder; copy it into the folder&apos;s samples folder.</source>
        <translation>示例图片 %1 在目录文件夹之外；请把它复制到目录的 samples 文件夹。</translation>
    </message>
    <message>
        <source>The sample image %1 is not in the catalogue folder; add the file or correct the path.</source>
        <translation>目录文件夹中没有示例图片 %1；请添加该文件或更正路径。</translation>
    </message>
    <message>
        <source>The sample image %1 is a folder, not an image file.</source>
        <translation>示例图片 %1 是一个文件夹，不是图片文件。</translation>
    </message>
    <message>
        <source>The sample image %1 cannot be read: it is not a whole PNG or JPEG image (cut short or damaged). Export the image again.</source>
        <translation>示例图片 %1 无法读取：不是完整的 PNG 或 JPEG 图片（文件不完整或已损坏）。请重新导出该图片。</translation>
    </message>
    <message>
        <source>no such mark</source>
        <translation>没有这个标注</translation>
    </message>
    <message>
        <source>the material has no sample line to add a mark to</source>
        <translation>该材料没有示例，无法添加标注</translation>
    </message>
    <message>
        <source>the sample image must be inside the catalogue folder (in its samples folder); copy it there first: %1</source>
        <translation>示例图片必须在目录文件夹内（放在 samples 文件夹中），请先复制进去：%1</translation>
    </message>
</context>
<context>
    <name>ow::cases</name>
    <message>
        <source>The applicant form is incomplete: %1 is required.</source>
        <translation>申请信息不完整：须填写%1。</translation>
    </message>
    <message>
        <source>%1 is not valid: %2</source>
        <translation>%1无效：%2</translation>
    </message>
    <message>
        <source>%1 must be a mobile number.</source>
        <translation>%1必须是手机号码。</translation>
    </message>
    <message>
        <source>person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>other organisation</source>
        <translation>其他组织</translation>
    </message>
    <message>
        <source>the applying unit</source>
        <translation>申请单位名称</translation>
    </message>
    <message>
        <source>the unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>the applicant&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>the applicant&apos;s ID number</source>
        <translation>申请人公民身份号码</translation>
    </message>
    <message>
        <source>the contact&apos;s name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>the contact&apos;s mobile number</source>
        <translation>联系人手机号码</translation>
    </message>
    <message>
        <source>The contact&apos;s mobile number</source>
        <translation>联系人手机号码</translation>
    </message>
    <message>
        <source>the recipient&apos;s name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>the recipient&apos;s mobile number</source>
        <translation>收件人手机号码</translation>
    </message>
    <message>
        <source>The recipient&apos;s mobile number</source>
        <translation>收件人手机号码</translation>
    </message>
    <message>
        <source>the recipient&apos;s province, city and district</source>
        <translation>收件人所在省、市、区（县）</translation>
    </message>
    <message>
        <source>the recipient&apos;s street address</source>
        <translation>收件人详细地址</translation>
    </message>
    <message>
        <source>The attachment file %1 could not be written: %2</source>
        <translation>无法写入附件文件 %1：%2</translation>
    </message>
    <message>
        <source>its folder could not be created.</source>
        <translation>无法创建其所在文件夹。</translation>
    </message>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 changed while it was being stored; scan it again.</source>
        <translation>文件 %1 在保存过程中发生了变化，请重新扫描。</translation>
    </message>
    <message>
        <source>“%1” is not an attachment hash.</source>
        <translation>“%1”不是附件哈希值。</translation>
    </message>
    <message>
        <source>The attachment %1 could not be read: %2</source>
        <translation>无法读取附件 %1：%2</translation>
    </message>
    <message>
        <source>The attachment %1 is damaged: its content no longer matches its hash.</source>
        <translation>附件 %1 已损坏：其内容与哈希值不再一致。</translation>
    </message>
    <message>
        <source>The attachment %1 is missing.</source>
        <translation>附件 %1 缺失。</translation>
    </message>
    <message>
        <source>writing the audit log</source>
        <translation>写入审计日志</translation>
    </message>
    <message>
        <source>reading the audit log</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <source>Row %1 follows row %2: the rows between were removed.</source>
        <translation>第 %1 行紧接在第 %2 行之后：中间的行已被删除。</translation>
    </message>
    <message>
        <source>Row %1 does not link to the row before it.</source>
        <translation>第 %1 行未链接到其前一行。</translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation>第 %1 行在写入后被修改过。</translation>
    </message>
    <message>
        <source>The log ends at row %1 but its head records row %2: rows were removed or added.</source>
        <translation>日志止于第 %1 行，但日志头记录的是第 %2 行：有行被删除或添加。</translation>
    </message>
    <message>
        <source>Row %1 does not match the recorded head of the log.</source>
        <translation>第 %1 行与日志头的记录不一致。</translation>
    </message>
    <message>
        <source>The head of the audit log is missing.</source>
        <translation>审计日志头缺失。</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未核验</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>waived, to be supplied later</source>
        <translation>容缺，待补交</translation>
    </message>
    <message>
        <source>fetched by data sharing</source>
        <translation>数据共享获取</translation>
    </message>
    <message>
        <source>supplied later</source>
        <translation>已补交</translation>
    </message>
    <message>
        <source>Stored case data is damaged: %1 is not readable.</source>
        <translation>已保存的办件数据已损坏：无法读取%1。</translation>
    </message>
    <message>
        <source>the answer to question %1</source>
        <translation>情形问题 %1 的答案</translation>
    </message>
    <message>
        <source>a material check</source>
        <translation>一条材料核验记录</translation>
    </message>
    <message>
        <source>an attachment</source>
        <translation>一个附件</translation>
    </message>
    <message>
        <source>the kind of an event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>申请人信息</translation>
    </message>
    <message>
        <source>the state</source>
        <translation>办件状态</translation>
    </message>
    <message>
        <source>The first event of a case must open its draft, not “%1”.</source>
        <translation>办件的第一个事件必须是新建草稿，而不是“%1”。</translation>
    </message>
    <message>
        <source>The case already exists (it is “%1”); it cannot be opened again.</source>
        <translation>该办件已存在（状态为“%1”），不能再次新建。</translation>
    </message>
    <message>
        <source>The case is closed (“%1”); its data can no longer be changed.</source>
        <translation>该办件已结束（“%1”），其数据不能再修改。</translation>
    </message>
    <message>
        <source>The case is already “%1”; the late event “%2” would move it backwards and was not applied.</source>
        <translation>该办件已是“%1”；迟到的事件“%2”会使其状态倒退，未予应用。</translation>
    </message>
    <message>
        <source>The case is closed (“%1”); it cannot become “%2”.</source>
        <translation>该办件已结束（“%1”），不能变为“%2”。</translation>
    </message>
    <message>
        <source>A case that is “%1” cannot become “%2”.</source>
        <translation>处于“%1”状态的办件不能变为“%2”。</translation>
    </message>
    <message>
        <source>“%1” is not a valid case number: %2</source>
        <translation>“%1”不是有效的统一申报编码：%2</translation>
    </message>
    <message>
        <source>“%1” is not a valid hall code: it must be a 6-digit county code followed by 2 letters or digits.</source>
        <translation>“%1”不是有效的大厅代码：应为 6 位县级行政区划代码加 2 位字母或数字。</translation>
    </message>
    <message>
        <source>A case number needs a valid date.</source>
        <translation>统一申报编码需要有效的日期。</translation>
    </message>
    <message>
        <source>The daily sequence %1 is out of range.</source>
        <translation>当日流水号 %1 超出范围。</translation>
    </message>
    <message>
        <source>it must have %1 letters and digits.</source>
        <translation>应为 %1 位字母和数字。</translation>
    </message>
    <message>
        <source>it may contain only digits and the letters A–Z.</source>
        <translation>只能包含数字和字母 A–Z。</translation>
    </message>
    <message>
        <source>the check character does not match (mistyped?).</source>
        <translation>校验位不符（是否输错？）。</translation>
    </message>
    <message>
        <source>the sequence is not a number.</source>
        <translation>流水号不是数字。</translation>
    </message>
    <message>
        <source>The case database %1 was written by a newer OneWindow (schema version %2; this program knows up to %3).</source>
        <translation>办件数据库 %1 由较新版本的一窗受理写入（结构版本 %2；本程序最高支持 %3）。</translation>
    </message>
    <message>
        <source>Migration %1 of the case database (%2) failed and was rolled back: %3</source>
        <translation>办件数据库迁移 %1（%2）失败，已回滚：%3</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>correction notice issued</source>
        <translation>已出具一次性告知书</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>accepted with waiver</source>
        <translation>已容缺受理</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>transferred to the department</source>
        <translation>已移交部门</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审查中</translation>
    </message>
    <message>
        <source>supplement requested</source>
        <translation>待补齐补正</translation>
    </message>
    <message>
        <source>supplemented</source>
        <translation>已补齐补正</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>审批不通过</translation>
    </message>
    <message>
        <source>result ready for pickup</source>
        <translation>结果待领取</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>已领取</translation>
    </message>
    <message>
        <source>mailed</source>
        <translation>已邮寄</translation>
    </message>
    <message>
        <source>draft opened</source>
        <translation>新建草稿</translation>
    </message>
    <message>
        <source>case data changed</source>
        <translation>修改办件信息</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>There is no case with the number %1.</source>
        <translation>不存在统一申报编码为 %1 的办件。</translation>
    </message>
    <message>
        <source>The attachment %1 (%2) is not in the attachment store; store the file before the case.</source>
        <translation>附件 %1（%2）不在附件库中；请先保存该文件，再保存办件。</translation>
    </message>
    <message>
        <source>This workstation has no counter number (0–99); cases cannot be numbered.</source>
        <translation>本工作站未设置窗口号（0–99），无法为办件编号。</translation>
    </message>
    <message>
        <source>Every case needs the clerk who opened it.</source>
        <translation>每个办件都须记录新建它的窗口人员。</translation>
    </message>
    <message>
        <source>This counter has already numbered %1 cases today; no numbers are left.</source>
        <translation>本窗口今日已编号 %1 件，已无可用编号。</translation>
    </message>
    <message>
        <source>Every event needs the clerk who recorded it.</source>
        <translation>每个事件都须记录登记它的窗口人员。</translation>
    </message>
    <message>
        <source>No case has this QR code.</source>
        <translation>没有与此二维码对应的办件。</translation>
    </message>
    <message>
        <source>listing cases</source>
        <translation>列出办件</translation>
    </message>
    <message>
        <source>storing a new case</source>
        <translation>保存新办件</translation>
    </message>
    <message>
        <source>saving a case</source>
        <translation>保存办件</translation>
    </message>
    <message>
        <source>The case %1 is not in the database.</source>
        <translation>办件 %1 不在数据库中。</translation>
    </message>
    <message>
        <source>saving the attachments of a case</source>
        <translation>保存办件的附件</translation>
    </message>
    <message>
        <source>reading a case</source>
        <translation>读取办件</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <source>reading the events of a case</source>
        <translation>读取办件的事件</translation>
    </message>
    <message>
        <source>an event of case %1</source>
        <translation>办件 %1 的一个事件</translation>
    </message>
    <message>
        <source>recording an event</source>
        <translation>记录事件</translation>
    </message>
    <message>
        <source>queueing an event for the server</source>
        <translation>将事件加入待上传服务器的队列</translation>
    </message>
    <message>
        <source>numbering a case</source>
        <translation>为办件编号</translation>
    </message>
    <message>
        <source>The material %1 fails a review point: issue a correction notice instead of accepting.</source>
        <translation>材料“%1”未通过审查要点：应出具一次性告知书，不能受理。</translation>
    </message>
    <message>
        <source>The material %1 is missing: issue a correction notice, or waive it if it may be waived.</source>
        <translation>材料“%1”缺失：请出具一次性告知书；如该材料可容缺，也可容缺受理。</translation>
    </message>
    <message>
        <source>The material %1 is waived: the case must be accepted with waiver.</source>
        <translation>材料“%1”已容缺：该办件须按容缺受理办理。</translation>
    </message>
    <message>
        <source>The material %1 may not be waived for this matter.</source>
        <translation>本事项不允许材料“%1”容缺。</translation>
    </message>
    <message>
        <source>The waived material %1 needs the date by which it must be supplied.</source>
        <translation>容缺材料“%1”须注明补交期限。</translation>
    </message>
    <message>
        <source>Acceptance with waiver needs at least one waived material with its supplement deadline.</source>
        <translation>容缺受理至少须有一项注明补交期限的容缺材料。</translation>
    </message>
    <message>
        <source>A correction notice must tell the applicant what is missing or wrong; nothing is recorded.</source>
        <translation>一次性告知书须告知申请人缺少或有误的内容；当前未记录任何内容。</translation>
    </message>
    <message>
        <source>A refusal or denial must state its reasons in writing (payload “reasons”).</source>
        <translation>不予受理或审批不通过须书面说明理由（payload 字段“reasons”）。</translation>
    </message>
    <message>
        <source>The scanned code is not a case link of this hall.</source>
        <translation>扫描到的码不是本大厅的办件链接。</translation>
    </message>
    <message>
        <source>There is no case database at %1.</source>
        <translation>%1 处没有办件数据库。</translation>
    </message>
    <message>
        <source>reading the outbox</source>
        <translation>读取发件箱</translation>
    </message>
    <message>
        <source>marking outbox rows as sent</source>
        <translation>将发件箱记录标记为已发送</translation>
    </message>
    <message>
        <source>marking an outbox row as failed</source>
        <translation>将发件箱记录标记为发送失败</translation>
    </message>
    <message>
        <source>counting the outbox</source>
        <translation>统计发件箱</translation>
    </message>
    <message>
        <source>saving the sync state</source>
        <translation>保存同步状态</translation>
    </message>
    <message>
        <source>recording an upload</source>
        <translation>记录上传</translation>
    </message>
    <message>
        <source>An event from the server has no id.</source>
        <translation>服务器发来的事件没有 id。</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>已超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>no deadline yet</source>
        <translation>尚无期限</translation>
    </message>
    <message>
        <source>paused, %1</source>
        <translation>已暂停计时，%1</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>no holiday calendar</source>
        <translation>无节假日日历</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>剩余 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>超期 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Scan the QR code on the receipt or type the case number.</source>
        <translation>请扫描凭证上的二维码，或输入统一申报编码。</translation>
    </message>
    <message>
        <source>The scanned code is not a case link: %1</source>
        <translation>扫描到的码不是办件链接：%1</translation>
    </message>
    <message>
        <source>The result of case %1 was already picked up.</source>
        <translation>办件 %1 的办理结果已被领取。</translation>
    </message>
    <message>
        <source>The result of case %1 was already mailed.</source>
        <translation>办件 %1 的办理结果已邮寄。</translation>
    </message>
    <message>
        <source>Case %1 is not ready for pickup: it is “%2”. Nothing can be handed out yet.</source>
        <translation>办件 %1 尚不能领取：当前状态为“%2”。暂无可发放的结果。</translation>
    </message>
    <message>
        <source>Enter the name of the person who collects the result.</source>
        <translation>请输入领取人姓名。</translation>
    </message>
    <message>
        <source>The collector&apos;s ID number: %1</source>
        <translation>领取人公民身份号码有误：%1</translation>
    </message>
    <message>
        <source>This ID number is not the applicant&apos;s. If someone else collects the result, choose “agent”.</source>
        <translation>该公民身份号码不是申请人的。如由他人领取，请选择“代理人”。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>The applicant&apos;s ID number</source>
        <translation>申请人身份证号</translation>
    </message>
    <message>
        <source>The contact&apos;s ID number</source>
        <translation>联系人身份证号</translation>
    </message>
    <message>
        <source>A case that is “%1” awaits no supplement; nothing handed in can be recorded.</source>
        <translation>“%1”的办件没有待补齐补正的材料，无法登记补交。</translation>
    </message>
    <message>
        <source>A case that is “%1” has no paper to put on a transfer list.</source>
        <translation>“%1”状态的办件没有可列入移交清单的纸质材料。</translation>
    </message>
    <message>
        <source>A case that is “%1” is not handed over; its folder cannot be flagged.</source>
        <translation>“%1”状态的办件不在移交之列，无法标记其材料袋。</translation>
    </message>
    <message>
        <source>supplement handed in</source>
        <translation>已补交材料</translation>
    </message>
    <message>
        <source>put on a transfer list</source>
        <translation>已列入移交清单</translation>
    </message>
    <message>
        <source>flagged at a handover</source>
        <translation>交接时标记异常</translation>
    </message>
    <message>
        <source>There is no draft %1 (it was finished or discarded).</source>
        <translation>没有草稿 %1（已办结或已放弃）。</translation>
    </message>
    <message>
        <source>The scan %1 could not be removed.</source>
        <translation>无法删除扫描件 %1。</translation>
    </message>
    <message>
        <source>recipient&apos;s name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>recipient&apos;s mobile</source>
        <translation>收件人手机</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>The result of case %1 cannot be mailed: the mailing address lacks %2. Record the address first, or hand the result over at the counter.</source>
        <translation>办件 %1 的结果无法邮寄：邮寄地址缺少%2。请先登记地址，或改为窗口领取。</translation>
    </message>
    <message>
        <source>No paper is waiting for department %1.</source>
        <translation>没有待移交给部门 %1 的纸质材料。</translation>
    </message>
    <message>
        <source>“%1” is not the code of a transfer list.</source>
        <translation>“%1”不是移交清单的编码。</translation>
    </message>
    <message>
        <source>No transfer list %1 is known here.</source>
        <translation>本机没有移交清单 %1。</translation>
    </message>
    <message>
        <source>Transfer list %1 was confirmed already, on %2 by %3.</source>
        <translation>移交清单 %1 已于 %2 由 %3 确认接收。</translation>
    </message>
    <message>
        <source>None of the cases of transfer list %1 can be handed over any more.</source>
        <translation>移交清单 %1 中的办件均已无法移交。</translation>
    </message>
    <message>
        <source>“%1” is not a time of day (HH:MM, e.g. 11:30).</source>
        <translation>“%1”不是时刻（格式为 时:分，例如 11:30）。</translation>
    </message>
    <message>
        <source>The handover times must be in ascending order without repeats: %1 after %2.</source>
        <translation>交接时段须按时间先后排列且不得重复：%1 排在 %2 之后。</translation>
    </message>
    <message>
        <source>The mailing address lacks %1.</source>
        <translation>邮寄地址缺少%1。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mobile “%1” is not a mobile number.</source>
        <translation>收件人手机“%1”不是手机号码。</translation>
    </message>
    <message>
        <source>The postcode “%1” is not six digits.</source>
        <translation>邮政编码“%1”不是6位数字。</translation>
    </message>
    <message>
        <source>There is no clerk activity of kind “%1”; the kinds are consultation and practice.</source>
        <translation>没有“%1”这类工作人员业务记录；类型只有 consultation（咨询）和 practice（练习）。</translation>
    </message>
    <message>
        <source>A clerk activity needs an id of at most 64 characters.</source>
        <translation>工作人员业务记录须有标识，最长 64 个字符。</translation>
    </message>
    <message>
        <source>A clerk activity needs the clerk&apos;s staff number.</source>
        <translation>工作人员业务记录须写明工作人员工号。</translation>
    </message>
    <message>
        <source>A clerk activity needs its time.</source>
        <translation>工作人员业务记录须写明时间。</translation>
    </message>
    <message>
        <source>A clerk activity needs the matter it was about.</source>
        <translation>工作人员业务记录须写明所涉事项。</translation>
    </message>
    <message>
        <source>A practice needs its score (0 to maxScore, whole numbers), maxScore and whether it passed.</source>
        <translation>练习记录须写明得分（0 至满分的整数）、满分（maxScore）及是否通过。</translation>
    </message>
    <message>
        <source>withdrawn by the applicant</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>A consultation&apos;s answers (answers) are an object of question ids and answers.</source>
        <translation>咨询记录的情形回答（answers）须为由问题标识和回答组成的对象。</translation>
    </message>
    <message>
        <source>A consultation&apos;s question (question) is a text of 1 to %1 characters.</source>
        <translation>咨询记录的问题（question）须为 1 至 %1 个字的文字。</translation>
    </message>
    <message>
        <source>A consultation&apos;s answer (answer) is a text of 1 to %1 characters.</source>
        <translation>咨询记录的答复（answer）须为 1 至 %1 个字的文字。</translation>
    </message>
    <message>
        <source>A consultation&apos;s checklistPrinted is true or false.</source>
        <translation>咨询记录的 checklistPrinted 只能为 true 或 false。</translation>
    </message>
    <message>
        <source>A consultation needs whether the checklist was printed (checklistPrinted), or a recorded question and answer (question, answer).</source>
        <translation>咨询记录须写明是否打印了材料清单（checklistPrinted），或记下所问问题及答复（question、answer）。</translation>
    </message>
    <message>
        <source>Channel: choose the window, the 12345 hotline or online.</source>
        <translation>投诉渠道：请选择窗口、12345热线或网上。</translation>
    </message>
    <message>
        <source>Complainant: type the complainant&apos;s name.</source>
        <translation>投诉人：请填写投诉人姓名。</translation>
    </message>
    <message>
        <source>Complainant: a name of at most %1 characters.</source>
        <translation>投诉人：姓名不超过 %1 个字。</translation>
    </message>
    <message>
        <source>Mobile: type the number the reply goes to.</source>
        <translation>手机号码：请填写接收答复的手机号码。</translation>
    </message>
    <message>
        <source>Mobile: %1 is not a mobile number (11 digits, 1[3-9]…).</source>
        <translation>手机号码：%1 不是手机号码（11 位，以 13–19 开头）。</translation>
    </message>
    <message>
        <source>Content: write what the complaint is about.</source>
        <translation>投诉内容：请填写投诉事由。</translation>
    </message>
    <message>
        <source>Content: at most %1 characters (now %2).</source>
        <translation>投诉内容：不超过 %1 个字（现有 %2 个）。</translation>
    </message>
    <message>
        <source>Case: %1 is not a case number (23 characters, the last one a check).</source>
        <translation>办件编号：%1 不是有效的办件编号（23 位，末位为校验位）。</translation>
    </message>
    <message>
        <source>Clerk: a staff number of at most 64 characters.</source>
        <translation>被投诉人员：工号不超过 64 个字符。</translation>
    </message>
    <message>
        <source>Matter: a matter code of at most 100 characters.</source>
        <translation>事项：事项编码不超过 100 个字符。</translation>
    </message>
    <message>
        <source>Recorded by: sign in before recording a complaint.</source>
        <translation>登记人：请先登录再登记投诉。</translation>
    </message>
    <message>
        <source>Received: the time the complaint came in is missing.</source>
        <translation>受理时间：缺少投诉的受理时间。</translation>
    </message>
    <message>
        <source>The department announced the document with an impossible size (%1 bytes).</source>
        <translation>部门告知的文书大小不合理（%1 字节）。</translation>
    </message>
    <message>
        <source>A withdrawal must give the applicant&apos;s reason in 1 to %1 characters.</source>
        <translation>撤回申请须写明申请人的撤回理由（1至%1个字）。</translation>
    </message>
    <message>
        <source>A withdrawal must name who asked for it in 1 to %1 characters.</source>
        <translation>撤回申请须写明提出人的姓名（1至%1个字）。</translation>
    </message>
    <message>
        <source>A withdrawal must say whether the applicant or an agent asked for it (“%1”).</source>
        <translation>撤回申请须写明由申请人本人还是委托代理人提出（“%1”）。</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>委托代理人</translation>
    </message>
</context>
<context>
    <name>ow::catalogue</name>
    <message>
        <source>a bundle needs an id; write &apos;bundle ID: NAME&apos;</source>
        <translation>一件事缺少 id；请写作“bundle ID: NAME”</translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; needs a name; write &apos;bundle %1: NAME&apos;</source>
        <translation>一件事“%1”缺少名称；请写作“bundle %1: NAME”</translation>
    </message>
    <message>
        <source>unknown department &apos;%1&apos; (departments are defined in departments.txt)</source>
        <translation>未知部门“%1”（部门在 departments.txt 中定义）</translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; has no &apos;lead&apos;; add &apos;lead: ID&apos; with the id of the lead department from departments.txt</source>
        <translation>一件事“%1”没有“lead”；请添加“lead: ID”，ID 为 departments.txt 中牵头部门的 id</translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; lists fewer than two matters; a bundle needs at least two &apos;matter CODE&apos; lines</source>
        <translation>一件事“%1”列出的事项少于两个；一件事至少需要两行“matter CODE”</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; is listed twice in bundle &apos;%2&apos;; the first is at line %3 (list each matter once)</source>
        <translation>事项“%1”在一件事“%2”中列出了两次；第一次在第 %3 行（每个事项只列一次）</translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; lists matter &apos;%2&apos;, which is not in the catalogue; correct the code or add the matter under matters/</source>
        <translation>一件事“%1”列出的事项“%2”不在事项目录中；请更正编码，或在 matters/ 下添加该事项</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is preset twice for matter &apos;%2&apos; (first at line %3); keep one</source>
        <translation>事项“%2”的问题“%1”被预设了两次（第一次在第 %3 行）；请只保留一处</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has no question &apos;%2&apos; to preset; correct the question id</source>
        <translation>事项“%1”没有可预设的问题“%2”；请更正问题 id</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number, but question &apos;%2&apos; asks for one; preset a number such as 150</source>
        <translation>“%1”不是数字，但问题“%2”要求填数字；请预设一个数字，例如 150</translation>
    </message>
    <message>
        <source>%1 is outside the range question &apos;%2&apos; allows; preset a number within its &apos;min&apos; and &apos;max&apos;</source>
        <translation>%1 超出问题“%2”允许的范围；请预设一个在其“min”与“max”之间的数字</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is single-choice; preset exactly one of its options: %2</source>
        <translation>问题“%1”是单选题；请只预设其中一个选项：%2</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has no option &apos;%2&apos;; its options are: %3</source>
        <translation>问题“%1”没有选项“%2”；其选项为：%3</translation>
    </message>
    <message>
        <source>promised</source>
        <translation>承诺件</translation>
    </message>
    <message>
        <source>immediate</source>
        <translation>即办件</translation>
    </message>
    <message>
        <source>high frequency</source>
        <translation>高频</translation>
    </message>
    <message>
        <source>middle frequency</source>
        <translation>中频</translation>
    </message>
    <message>
        <source>low frequency</source>
        <translation>低频</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>verify original, keep copy</source>
        <translation>核验原件收复印件</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>paper or electronic</source>
        <translation>纸质或电子</translation>
    </message>
    <message>
        <source>form</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证照</translation>
    </message>
    <message>
        <source>technical document</source>
        <translation>技术文件</translation>
    </message>
    <message>
        <source>application</source>
        <translation>申请书</translation>
    </message>
    <message>
        <source>pledge</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>form review</source>
        <translation>形式审查</translation>
    </message>
    <message>
        <source>content review</source>
        <translation>内容审查</translation>
    </message>
    <message>
        <source>copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>介质</translation>
    </message>
    <message>
        <source>data-shared</source>
        <translation>数据共享</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>waivable</source>
        <translation>可容缺</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>review points</source>
        <translation>审查要点</translation>
    </message>
    <message>
        <source>matter %1 added</source>
        <translation>新增事项 %1</translation>
    </message>
    <message>
        <source>matter %1 removed</source>
        <translation>删除事项 %1</translation>
    </message>
    <message>
        <source>matter %1: situation %2 added</source>
        <translation>事项 %1：新增情形 %2</translation>
    </message>
    <message>
        <source>matter %1: situation %2 removed</source>
        <translation>事项 %1：删除情形 %2</translation>
    </message>
    <message>
        <source>matter %1: situation %2 changed</source>
        <translation>事项 %1：情形 %2 有变化</translation>
    </message>
    <message>
        <source>no differences in any situation</source>
        <translation>所有情形均无差异</translation>
    </message>
    <message>
        <source>the catalogue has no &apos;%1&apos; folder; create it and put the %1 files (*.txt) in it</source>
        <translation>事项目录中没有“%1”文件夹；请创建该文件夹，并将 %1 文件（*.txt）放入其中</translation>
    </message>
    <message>
        <source>the catalogue folder has no %1; create it, starting with a line like &apos;%2&apos; (see the catalogue format)</source>
        <translation>事项目录文件夹中没有 %1；请创建该文件，以类似“%2”的一行开头（参见事项目录格式说明）</translation>
    </message>
    <message>
        <source>catalogue.txt describes one catalogue, which starts at line %1; remove this second &apos;catalogue&apos; line</source>
        <translation>catalogue.txt 只描述一个事项目录，该目录从第 %1 行开始；请删除这第二个“catalogue”行</translation>
    </message>
    <message>
        <source>catalogue.txt has no &apos;catalogue ID: NAME&apos; line; add one, with version and issued under it</source>
        <translation>catalogue.txt 中没有“catalogue ID: NAME”行；请添加一行，并在其下写 version 和 issued</translation>
    </message>
    <message>
        <source>the catalogue needs an id and a name; write &apos;catalogue ID: NAME&apos;</source>
        <translation>事项目录需要 id 和名称；请写作“catalogue ID: NAME”</translation>
    </message>
    <message>
        <source>the version &apos;%1&apos; contains a space; write it without spaces, e.g. 2026.11.1</source>
        <translation>版本“%1”含有空格；请去掉空格，例如 2026.11.1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date; write the release date as YYYY-MM-DD, e.g. 2026-11-20</source>
        <translation>“%1”不是日期；发布日期请写作 YYYY-MM-DD，例如 2026-11-20</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a region code; write the six-digit GB/T 2260 code, e.g. 330302</source>
        <translation>“%1”不是行政区划代码；请写 6 位 GB/T 2260 代码，例如 330302</translation>
    </message>
    <message>
        <source>the catalogue has no &apos;%1&apos;; add a line like &apos;%2&apos; under it</source>
        <translation>事项目录中没有“%1”；请在其下添加类似“%2”的一行</translation>
    </message>
    <message>
        <source>department &apos;%1&apos; is defined twice; the first definition is at %2 (remove one, or give it another id)</source>
        <translation>部门“%1”定义了两次；第一次定义在 %2（删除其中一个，或另起一个 id）</translation>
    </message>
    <message>
        <source>material &apos;%1&apos; is defined twice; the first definition is at %2 (remove one, or give it another id)</source>
        <translation>材料“%1”定义了两次；第一次定义在 %2（删除其中一个，或另起一个 id）</translation>
    </message>
    <message>
        <source>matter code &apos;%1&apos; is used twice; the first matter with it is at %2 (each matter needs its own code)</source>
        <translation>事项编码“%1”被使用了两次；第一个使用它的事项在 %2（每个事项须有自己的编码）</translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; is defined twice; the first definition is at %2 (remove one, or give it another id)</source>
        <translation>一件事“%1”定义了两次；第一次定义在 %2（删除其中一个，或另起一个 id）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a file, not a catalogue folder; give the folder that holds catalogue.txt</source>
        <translation>“%1”是文件，不是事项目录文件夹；请给出包含 catalogue.txt 的文件夹</translation>
    </message>
    <message>
        <source>the catalogue folder &apos;%1&apos; does not exist; check the path</source>
        <translation>事项目录文件夹“%1”不存在；请检查路径</translation>
    </message>
    <message>
        <source>the catalogue could not be loaded</source>
        <translation>无法加载事项目录</translation>
    </message>
    <message>
        <source>%1 (and %2 more errors; run &apos;onewindow-cli catalogue lint&apos; to see them all)</source>
        <translation>%1（另有 %2 个错误；运行“onewindow-cli catalogue lint”可查看全部）</translation>
    </message>
    <message>
        <source>none of these</source>
        <translation>以上均无</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the condition mentions question &apos;%1&apos;, but matter &apos;%2&apos; has no questions; add the question or correct the id</source>
        <translation>条件提到了问题“%1”，但事项“%2”没有任何问题；请添加该问题或更正 id</translation>
    </message>
    <message>
        <source>the condition mentions question &apos;%1&apos;, which matter &apos;%2&apos; does not have; its questions are: %3</source>
        <translation>条件提到了问题“%1”，但事项“%2”没有该问题；其问题有：%3</translation>
    </message>
    <message>
        <source>this condition belongs to question &apos;%1&apos; and cannot mention &apos;%1&apos; itself; it may only use questions written before it</source>
        <translation>此条件属于问题“%1”，不能提到“%1”本身；只能使用写在它之前的问题</translation>
    </message>
    <message>
        <source>this condition of question &apos;%1&apos; mentions question &apos;%2&apos;, which is written after it (line %3); a question&apos;s condition may only use earlier questions, so move &apos;%2&apos; up</source>
        <translation>问题“%1”的此条件提到了问题“%2”，而“%2”写在其后（第 %3 行）；问题的条件只能使用前面的问题，请把“%2”移到前面</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a multi-choice question; compare it with &apos;has&apos; or &apos;has any (…)&apos;, not with &apos;=&apos;, &apos;!=&apos; or &apos;in&apos;</source>
        <translation>“%1”是多选题；请用“has”或“has any (…)”比较，不能用“=”、“!=”或“in”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a single-choice question; compare it with &apos;=&apos;, &apos;!=&apos; or &apos;in (…)&apos;, not with &apos;has&apos;</source>
        <translation>“%1”是单选题；请用“=”、“!=”或“in (…)”比较，不能用“has”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a choice question, not a number question; compare it with one of its options: %2</source>
        <translation>“%1”是选择题，不是数字题；请与其选项之一比较：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a number question; compare it with a number, e.g. &apos;%1 &gt;= 150&apos;, not with an option</source>
        <translation>“%1”是数字题；请与数字比较，例如“%1 &gt;= 150”，不能与选项比较</translation>
    </message>
    <message>
        <source>unexpected end of condition: expected %1</source>
        <translation>条件意外结束：此处应为%1</translation>
    </message>
    <message>
        <source>unknown character U+%1</source>
        <translation>未知字符 U+%1</translation>
    </message>
    <message>
        <source>unknown character &apos;%1&apos;</source>
        <translation>未知字符“%1”</translation>
    </message>
    <message>
        <source>expected %1 but found the reserved word &apos;%2&apos;</source>
        <translation>此处应为%1，却遇到保留字“%2”</translation>
    </message>
    <message>
        <source>expected %1 but found &apos;%2&apos;</source>
        <translation>此处应为%1，却遇到“%2”</translation>
    </message>
    <message>
        <source>the condition is empty: write a condition or leave out the line</source>
        <translation>条件为空：请写出条件，或删除此行</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;: there is no &apos;(&apos; it could close</source>
        <translation>意外的“)”：没有可与之配对的“(”</translation>
    </message>
    <message>
        <source>&apos;and&apos;, &apos;or&apos; or the end of the condition</source>
        <translation>“and”、“or”或条件结尾</translation>
    </message>
    <message>
        <source>the condition is nested too deeply (more than %1 levels)</source>
        <translation>条件嵌套过深（超过 %1 层）</translation>
    </message>
    <message>
        <source>unexpected end of condition: a closing &apos;)&apos; is missing</source>
        <translation>条件意外结束：缺少右括号“)”</translation>
    </message>
    <message>
        <source>&apos;and&apos;, &apos;or&apos; or &apos;)&apos;</source>
        <translation>“and”、“or”或“)”</translation>
    </message>
    <message>
        <source>a condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>&apos;answered&apos; needs a question id in parentheses, as in answered(q)</source>
        <translation>“answered”须在括号中写问题 id，如 answered(q)</translation>
    </message>
    <message>
        <source>a question id in &apos;answered(…)&apos;</source>
        <translation>“answered(…)”中的问题 id</translation>
    </message>
    <message>
        <source>&apos;)&apos; after the question id</source>
        <translation>问题 id 后的“)”</translation>
    </message>
    <message>
        <source>the number &apos;%1&apos; is too large</source>
        <translation>数字“%1”过大</translation>
    </message>
    <message>
        <source>a number after &apos;%1&apos;</source>
        <translation>“%1”后的数字</translation>
    </message>
    <message>
        <source>an option id after &apos;%1&apos;</source>
        <translation>“%1”后的选项 id</translation>
    </message>
    <message>
        <source>an option id after &apos;has&apos;</source>
        <translation>“has”后的选项 id</translation>
    </message>
    <message>
        <source>&apos;in&apos; needs a list in parentheses, as in q in (a, b)</source>
        <translation>“in”后须跟括号中的列表，如 q in (a, b)</translation>
    </message>
    <message>
        <source>&apos;has any&apos; needs a list in parentheses, as in q has any (a, b)</source>
        <translation>“has any”后须跟括号中的列表，如 q has any (a, b)</translation>
    </message>
    <message>
        <source>&apos;=&apos;, &apos;!=&apos;, &apos;in&apos;, &apos;has&apos; or a comparison after the question id &apos;%1&apos;</source>
        <translation>问题 id“%1”后的“=”、“!=”、“in”、“has”或比较运算符</translation>
    </message>
    <message>
        <source>the list in parentheses is empty: write at least one option id</source>
        <translation>括号中的列表为空：请至少写一个选项 id</translation>
    </message>
    <message>
        <source>an option id</source>
        <translation>选项 id</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;)&apos; in the list</source>
        <translation>列表中的“,”或“)”</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Matter “%1” has more than %2 situations, so it was checked only in part. Split it into sub-items or ask fewer questions.</source>
        <translation>事项“%1”的情形超过 %2 个，因此只检查了一部分。请拆分为子项，或减少问题。</translation>
    </message>
    <message>
        <source>Material “%1” is required by no matter in any situation. Require it where it is needed, or remove it.</source>
        <translation>材料“%1”在任何事项的任何情形中都未被要求。请在需要的地方引用它，或将其删除。</translation>
    </message>
    <message>
        <source>Material “%1” has no review point. Add form-point and content-point lines that tell the clerk what to check.</source>
        <translation>材料“%1”没有审查要点。请添加 form-point 和 content-point 行，告诉窗口人员要核查什么。</translation>
    </message>
    <message>
        <source>Material “%1” is a form but has no sample. Add a `sample:` line with the form filled in with example data.</source>
        <translation>材料“%1”是表格，但没有示例。请添加一行 `sample:`，给出用示例数据填好的表格。</translation>
    </message>
    <message>
        <source>Material “%1” is a certificate but has no sample. Add a `sample:` line with a standard sample of the certificate.</source>
        <translation>材料“%1”是证照，但没有示例。请添加一行 `sample:`，给出该证照的标准样本。</translation>
    </message>
    <message>
        <source>Material “%1” is a technical document but has no outline. Add an `outline:` line with the content outline.</source>
        <translation>材料“%1”是技术文件，但没有提纲。请添加一行 `outline:`，给出内容提纲。</translation>
    </message>
    <message>
        <source>Material “%1” is an application or pledge but has no reference text. Add a `reference-text:` line.</source>
        <translation>材料“%1”是申请书或承诺书，但没有参考文本。请添加一行 `reference-text:`。</translation>
    </message>
    <message>
        <source>Material “%1” has the catch-all name “%2”. Name the document itself, as it is written on the document.</source>
        <translation>材料“%1”使用了笼统名称“%2”。请写出文件本身的名称，即文件上印的名称。</translation>
    </message>
    <message>
        <source>Question “%1” is asked in no situation. Correct its condition, or the conditions of the questions it depends on, or remove it.</source>
        <translation>问题“%1”在任何情形中都不会被问到。请更正其条件或其所依赖问题的条件，或将其删除。</translation>
    </message>
    <message>
        <source>Option “%1” of question “%2” is offered in no situation. Correct its condition or remove the option.</source>
        <translation>问题“%2”的选项“%1”在任何情形中都不会出现。请更正其条件或删除该选项。</translation>
    </message>
    <message>
        <source>Whatever is answered to question “%1”, the checklist and the questions asked after it stay the same. Add the materials that depend on its answer, or remove the question.</source>
        <translation>无论问题“%1”如何回答，材料清单和其后的问题都不变。请添加取决于其答案的材料，或删除该问题。</translation>
    </message>
    <message>
        <source>Options “%1” and “%2” of question “%3” lead to the same checklist in every situation. Merge them: split a situation only where a material differs.</source>
        <translation>问题“%3”的选项“%1”和“%2”在每种情形下都得到相同的材料清单。请合并它们：只有材料不同时才拆分情形。</translation>
    </message>
    <message>
        <source>The condition “true” always holds. Remove it when you are done editing.</source>
        <translation>条件“true”始终成立。编辑完成后请将其删除。</translation>
    </message>
    <message>
        <source>The condition “false” switches this line off: it never applies. Remove the line or the condition when you are done editing.</source>
        <translation>条件“false”会关闭此行：此行永远不会生效。编辑完成后请删除此行或该条件。</translation>
    </message>
    <message>
        <source>The condition “%1” holds in every situation where it is evaluated, so it changes nothing. Remove it, or correct it if it should exclude some situations.</source>
        <translation>条件“%1”在所有求值的情形中都成立，因此不起作用。请将其删除；如它本应排除某些情形，请更正。</translation>
    </message>
    <message>
        <source>The condition “%1” is false in every situation, so this line never applies. Correct the condition or remove the line.</source>
        <translation>条件“%1”在所有情形中都不成立，因此此行永远不会生效。请更正条件或删除此行。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot stand at the start of a line in this file; the keywords allowed here are: %2</source>
        <translation>“%1”不能出现在本文件的行首；此处允许的关键字为：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot stand under &apos;%2&apos;; the keywords allowed there are: %3</source>
        <translation>“%1”不能写在“%2”之下；该处允许的关键字为：%3</translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; lacks its &apos;:&apos;; write &apos;%1: %2&apos;</source>
        <translation>“%1 %2”缺少“:”；请写作“%1: %2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no id, but &apos;%2&apos; is written before the &apos;:&apos;; remove it</source>
        <translation>“%1”不带 id，但“:”前写了“%2”；请将其删除</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a value; write &apos;%1: VALUE&apos;</source>
        <translation>“%1”需要值；请写作“%1: VALUE”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs an id; write &apos;%1 ID: TEXT&apos;</source>
        <translation>“%1”需要 id；请写作“%1 ID: TEXT”</translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; needs a text after &apos;:&apos;; write &apos;%1 %2: TEXT&apos;</source>
        <translation>“%1 %2”的“:”后需要文字；请写作“%1 %2: TEXT”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs an id; write &apos;%1 ID&apos;</source>
        <translation>“%1”需要 id；请写作“%1 ID”</translation>
    </message>
    <message>
        <source>&apos;%1 %2&apos; takes no value after &apos;:&apos;; write the details on indented lines under it</source>
        <translation>“%1 %2”的“:”后不带值；请在其下缩进的行中写明细节</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is written twice here (first at line %2); keep only one</source>
        <translation>“%1”在此处写了两次（第一次在第 %2 行）；请只保留一个</translation>
    </message>
    <message>
        <source>nothing may be indented under &apos;%1&apos; (line %2); remove the indentation or move this line where it belongs</source>
        <translation>“%1”（第 %2 行）下不能有缩进的内容；请删除缩进，或把此行移到它应在的位置</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a yes/no value for &apos;%2&apos;; write yes or no (also 是/否, true/false)</source>
        <translation>“%1”不是“%2”的是/否值；请写 yes 或 no（也可写 是/否、true/false）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for &apos;%2&apos;; write a whole number of at least %3</source>
        <translation>“%1”不是“%2”的有效值；请写不小于 %3 的整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number for &apos;%2&apos;; write a decimal number such as 15 or 0.5</source>
        <translation>“%1”不是“%2”所需的数字；请写十进制数，例如 15 或 0.5</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for &apos;%2&apos;; use one of: %3</source>
        <translation>“%1”不是“%2”的有效值；请使用以下之一：%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is outside the catalogue folder; copy the file into the folder and write its path relative to the folder</source>
        <translation>“%1”在事项目录文件夹之外；请把文件复制到该文件夹中，并写出相对于该文件夹的路径</translation>
    </message>
    <message>
        <source>file &apos;%1&apos; for &apos;%2&apos; is not in the catalogue folder; add the file or correct the path (paths are relative to the catalogue folder)</source>
        <translation>“%2”的文件“%1”不在事项目录文件夹中；请添加该文件或更正路径（路径相对于事项目录文件夹）</translation>
    </message>
    <message>
        <source>a material needs an id; write &apos;material ID: STANDARD NAME&apos;</source>
        <translation>材料缺少 id；请写作“material ID: STANDARD NAME”</translation>
    </message>
    <message>
        <source>material &apos;%1&apos; needs its standard name; write &apos;material %1: NAME&apos; with the name printed on the document</source>
        <translation>材料“%1”缺少标准名称；请写作“material %1: NAME”，名称与文件上印的一致</translation>
    </message>
    <message>
        <source>material &apos;%1&apos; has no &apos;category&apos;; add &apos;category: form&apos; (or certificate, technical, application, pledge, other)</source>
        <translation>材料“%1”没有“category”；请添加“category: form”（或 certificate、technical、application、pledge、other）</translation>
    </message>
    <message>
        <source>sample &apos;%1&apos; is not a PNG or JPEG image that can be read; save it as PNG or JPEG</source>
        <translation>示例“%1”不是可读取的 PNG 或 JPEG 图片；请另存为 PNG 或 JPEG</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a rectangle; write &apos;mark %2: X, Y, WIDTH, HEIGHT&apos; in whole image pixels, width and height above 0</source>
        <translation>“%1”不是矩形；请写作“mark %2: X, Y, WIDTH, HEIGHT”，单位为图片像素（整数），宽和高须大于 0</translation>
    </message>
    <message>
        <source>mark &apos;%1&apos; names no review point of material &apos;%2&apos;; add &apos;form-point %1: …&apos; or &apos;content-point %1: …&apos; to the material, or correct the id</source>
        <translation>标注“%1”没有对应材料“%2”的任何审查要点；请为该材料添加“form-point %1: …”或“content-point %1: …”，或更正 id</translation>
    </message>
    <message>
        <source>mark &apos;%1&apos; (%2, %3, %4 × %5) reaches outside the sample image, which is %6 × %7 pixels; correct the rectangle</source>
        <translation>标注“%1”（%2, %3, %4 × %5）超出了示例图片范围（图片为 %6 × %7 像素）；请更正矩形</translation>
    </message>
    <message>
        <source>review point &apos;%1&apos; of material &apos;%2&apos; is defined twice; the first definition is at %3 (give each point its own id)</source>
        <translation>材料“%2”的审查要点“%1”定义了两次；第一次定义在 %3（每个要点须有自己的 id）</translation>
    </message>
    <message>
        <source>review point &apos;%1&apos; is added twice to material &apos;%2&apos; by this requirement; the first is at %3 (give each point its own id)</source>
        <translation>此项要求为材料“%2”添加了两次审查要点“%1”；第一次在 %3（每个要点须有自己的 id）</translation>
    </message>
    <message>
        <source>a matter needs its code; write &apos;matter CODE: NAME&apos;</source>
        <translation>事项缺少编码；请写作“matter CODE: NAME”</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; needs a name; write &apos;matter %1: NAME&apos;</source>
        <translation>事项“%1”缺少名称；请写作“matter %1: NAME”</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has no &apos;department&apos;; add &apos;department: ID&apos; with an id from departments.txt</source>
        <translation>事项“%1”没有“department”；请添加“department: ID”，ID 取自 departments.txt</translation>
    </message>
    <message>
        <source>promised matter &apos;%1&apos; has no &apos;promised-days&apos;; add the working days promised, or write &apos;kind: immediate&apos;</source>
        <translation>承诺件事项“%1”没有“promised-days”；请添加承诺办结的工作日数，或写“kind: immediate”</translation>
    </message>
    <message>
        <source>a promised matter needs at least 1 promised working day; correct the number, or write &apos;kind: immediate&apos;</source>
        <translation>承诺件事项至少须承诺 1 个工作日；请更正数字，或写“kind: immediate”</translation>
    </message>
    <message>
        <source>an immediate matter is decided on the spot and has no promised days; remove &apos;promised-days&apos; or write &apos;kind: promised&apos;</source>
        <translation>即办件事项当场办结，没有承诺时限；请删除“promised-days”，或写“kind: promised”</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; requires no material; add at least one &apos;require MATERIAL-ID&apos; line</source>
        <translation>事项“%1”未要求任何材料；请至少添加一行“require MATERIAL-ID”</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is a number question and takes no options; remove &apos;type: number&apos; or the option</source>
        <translation>问题“%1”是数字题，不带选项；请删除“type: number”或该选项</translation>
    </message>
    <message>
        <source>&apos;%1&apos; only applies to number questions; add &apos;type: number&apos; to question &apos;%2&apos; or remove the line</source>
        <translation>“%1”只适用于数字题；请为问题“%2”添加“type: number”，或删除此行</translation>
    </message>
    <message>
        <source>the maximum of question &apos;%1&apos; is below its minimum (line %2); correct one of them</source>
        <translation>问题“%1”的最大值小于最小值（第 %2 行）；请更正其中一个</translation>
    </message>
    <message>
        <source>single-choice question &apos;%1&apos; needs at least two options; add &apos;option ID: LABEL&apos; lines under it</source>
        <translation>单选题“%1”至少需要两个选项；请在其下添加“option ID: LABEL”行</translation>
    </message>
    <message>
        <source>multi-choice question &apos;%1&apos; needs at least one option; add &apos;option ID: LABEL&apos; lines under it</source>
        <translation>多选题“%1”至少需要一个选项；请在其下添加“option ID: LABEL”行</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is defined twice in matter &apos;%2&apos;; the first definition is at line %3 (give each question its own id)</source>
        <translation>问题“%1”在事项“%2”中定义了两次；第一次定义在第 %3 行（每个问题须有自己的 id）</translation>
    </message>
    <message>
        <source>the option id &apos;none&apos; is reserved for an empty multi-choice answer; choose another id</source>
        <translation>选项 id“none”保留用于多选题的空答案；请另选一个 id</translation>
    </message>
    <message>
        <source>option id &apos;%1&apos; must start with a letter, so it cannot be mistaken for a number; rename it</source>
        <translation>选项 id“%1”必须以字母开头，以免被误认为数字；请重命名</translation>
    </message>
    <message>
        <source>option &apos;%1&apos; of question &apos;%2&apos; is defined twice; the first definition is at line %3 (give each option its own id)</source>
        <translation>问题“%2”的选项“%1”定义了两次；第一次定义在第 %3 行（每个选项须有自己的 id）</translation>
    </message>
    <message>
        <source>&apos;materials&apos; lists no material id; write the ids separated by &apos;,&apos;, e.g. &apos;materials: id-card, floor-plan&apos;</source>
        <translation>“materials”未列出任何材料 id；请用“,”分隔写出各 id，例如“materials: id-card, floor-plan”</translation>
    </message>
    <message>
        <source>review point &apos;%1&apos; is already defined by material &apos;%2&apos; at %3; give this matter&apos;s point another id</source>
        <translation>审查要点“%1”已由材料“%2”在 %3 定义；请为本事项的要点另起一个 id</translation>
    </message>
    <message>
        <source>unknown material &apos;%1&apos; (materials are defined in the files under materials/); correct the id or define the material</source>
        <translation>未知材料“%1”（材料在 materials/ 下的文件中定义）；请更正 id 或定义该材料</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>任意值</translation>
    </message>
    <message>
        <source>(stopped after %1 situations)</source>
        <translation>（已在 %1 个情形后停止）</translation>
    </message>
    <message>
        <source>basic material (every situation)</source>
        <translation>基本材料（所有情形）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 答：%2</translation>
    </message>
    <message>
        <source>an answer is written QUESTION=OPTION (or QUESTION=a+b, QUESTION=150), not &apos;%1&apos;</source>
        <translation>答案应写作 QUESTION=OPTION（或 QUESTION=a+b、QUESTION=150），而不是“%1”</translation>
    </message>
    <message>
        <source>matter %1 has no question &apos;%2&apos;</source>
        <translation>事项 %1 没有问题“%2”</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has no option &apos;%2&apos;</source>
        <translation>问题“%1”没有选项“%2”</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number, not &apos;%2&apos;</source>
        <translation>问题“%1”需要填数字，而不是“%2”</translation>
    </message>
    <message>
        <source>unknown question type</source>
        <translation>未知的问题类型</translation>
    </message>
    <message>
        <source>a line must start with a keyword before &apos;:&apos;; write it as &apos;keyword [id] [: value]&apos;</source>
        <translation>每行必须以“:”前的关键字开头；请写作“keyword [id] [: value]”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a keyword; keywords are written in lower-case ASCII letters, digits and &apos;-&apos; (see the catalogue format)</source>
        <translation>“%1”不是关键字；关键字由小写 ASCII 字母、数字和“-”组成（参见事项目录格式说明）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid id; ids use ASCII letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and start with a letter or a digit</source>
        <translation>“%1”不是有效的 id；id 由 ASCII 字母、数字、“-”、“_”和“.”组成，并以字母或数字开头</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after &apos;%2 %3&apos;; a line holds at most one id, and its value follows a &apos;:&apos; (is the &apos;:&apos; missing?)</source>
        <translation>“%2 %3”之后出现了意外的“%1”；一行最多只有一个 id，值写在“:”之后（是否漏了“:”？）</translation>
    </message>
    <message>
        <source>this line contains a tab; use spaces instead (set your editor to insert spaces)</source>
        <translation>此行含有制表符；请改用空格（将编辑器设置为插入空格）</translation>
    </message>
    <message>
        <source>this line is indented with a tab; indent with two spaces per level (set your editor to insert spaces)</source>
        <translation>此行用制表符缩进；请每级用两个空格缩进（将编辑器设置为插入空格）</translation>
    </message>
    <message>
        <source>this line is indented with a character that is not a plain space (a full-width space?); indent with two plain spaces per level</source>
        <translation>此行用非普通空格的字符缩进（全角空格？）；请每级用两个普通空格缩进</translation>
    </message>
    <message>
        <source>this line is indented by %1 spaces; indent by two spaces per level</source>
        <translation>此行缩进了 %1 个空格；请每级缩进两个空格</translation>
    </message>
    <message>
        <source>this line is indented, but there is no line above it to belong to; remove the indentation</source>
        <translation>此行有缩进，但上方没有可归属的行；请删除缩进</translation>
    </message>
    <message>
        <source>this line is indented by %1 spaces, more than one level (two spaces) deeper than the line it belongs to, which is indented by %2</source>
        <translation>此行缩进了 %1 个空格，比其所属行（缩进 %2 个空格）深了不止一级（两个空格）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; for &apos;%2&apos; is a folder, not a file; write the path of a file in it</source>
        <translation>“%2”的“%1”是文件夹而不是文件；请写出其中某个文件的路径</translation>
    </message>
    <message>
        <source>&apos;%1&apos; for &apos;%2&apos; is a link to a file outside the catalogue folder; copy the file into the folder instead</source>
        <translation>“%2”的“%1”是指向事项目录文件夹以外文件的链接；请把该文件复制到文件夹内</translation>
    </message>
    <message>
        <source>%1 is a link to a file outside the catalogue folder; copy the file into the folder instead</source>
        <translation>%1 是指向事项目录文件夹以外文件的链接；请把该文件复制到文件夹内</translation>
    </message>
    <message>
        <source>No application needed</source>
        <translation>无需办理</translation>
    </message>
    <message>
        <source>Apply instead for</source>
        <translation>请办理</translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; refers matter &apos;%2&apos; to itself; name the other matter the applicant needs</source>
        <translation>筛查结论“%1”指向事项“%2”本身；请写明申请人实际应办理的其他事项</translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; refers to matter &apos;%2&apos;, which is not in the catalogue; correct the code or add the matter under matters/</source>
        <translation>筛查结论“%1”指向的事项“%2”不在目录中；请更正事项编码，或在 matters/ 下补充该事项</translation>
    </message>
    <message>
        <source>the guide code has a broken escape: %1</source>
        <translation>办事指南二维码中有无法解析的转义：%1</translation>
    </message>
    <message>
        <source>the guide code is longer than %1 characters</source>
        <translation>办事指南二维码超过 %1 个字符</translation>
    </message>
    <message>
        <source>this is not a guide code: %1</source>
        <translation>这不是办事指南二维码：%1</translation>
    </message>
    <message>
        <source>the guide code names no matter</source>
        <translation>办事指南二维码未注明事项</translation>
    </message>
    <message>
        <source>the guide code has more than %1 answers</source>
        <translation>办事指南二维码的情形答案超过 %1 个</translation>
    </message>
    <message>
        <source>an answer of the guide code is not QUESTION=VALUE: %1</source>
        <translation>办事指南二维码中的答案不是“问题=选项”格式：%1</translation>
    </message>
    <message>
        <source>No condition compares question “%1” with a number, so whatever is answered, the checklist and the questions asked after it stay the same. Add a condition such as “%1 &gt;= 150” where a material depends on it, or remove the question.</source>
        <translation>没有任何条件将问题“%1”与数值比较，无论填写多少，材料清单和其后提出的问题都不变。请在材料取决于该数值的地方添加条件（如“%1 &gt;= 150”），或删除该问题。</translation>
    </message>
    <message>
        <source>Whatever number is answered to question “%1”, the checklist and the questions asked after it stay the same. Correct the conditions that compare it, or remove the question.</source>
        <translation>问题“%1”无论填写什么数值，材料清单和其后提出的问题都不变。请修改与之比较的条件，或删除该问题。</translation>
    </message>
    <message>
        <source>Question “%1” is only asked past outcome “%2”, which ends the walk before it (line %3). Move the question before the outcome&apos;s questions, narrow the outcome&apos;s condition, or remove the question.</source>
        <translation>问题“%1”只在筛查结论“%2”（第%3行）之后才会被问到，而该结论已先结束问答。请将该问题移到结论所依据的问题之前、收窄结论的条件，或将其删除。</translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; has no &apos;reason&apos;; add &apos;reason: TEXT&apos; saying why, as the applicant is told it</source>
        <translation>筛查结论“%1”缺少“reason”；请添加“reason: 理由”，该理由将告知申请人</translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; has no &apos;when&apos;; add the condition under which it ends the walk</source>
        <translation>筛查结论“%1”缺少“when”；请添加结束问答的条件</translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; refers the applicant elsewhere; add &apos;matter: CODE&apos; naming the matter to apply for</source>
        <translation>筛查结论“%1”引导申请人办理其他事项；请添加“matter: 事项编码”，写明应办理的事项</translation>
    </message>
    <message>
        <source>a &apos;not-required&apos; outcome names no matter; remove the line or write &apos;refer&apos;</source>
        <translation>“not-required”（无需办理）结论不指向其他事项；请删除该行，或改为“refer”</translation>
    </message>
    <message>
        <source>outcome &apos;%1&apos; is defined twice in matter &apos;%2&apos;; the first definition is at line %3 (give each outcome its own id)</source>
        <translation>事项“%2”中的筛查结论“%1”重复定义，首次定义在第%3行（请为每个结论使用不同的标识）</translation>
    </message>
    <message>
        <source>not handed in (data sharing, fetched by the counter)</source>
        <translation>免提交（数据共享，窗口调取）</translation>
    </message>
    <message>
        <source>sample &apos;%1&apos; of material &apos;%2&apos; does not decode: the file is cut short or damaged; save or export the image again</source>
        <translation>材料“%2”的示例“%1”无法解码：文件不完整或已损坏，请重新保存或导出该图片</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has more than %2 questions, more than lint and paths check; split it into sub-items (子项)</source>
        <translation>事项“%1”的情形问题超过 %2 个，超出检查和情形列举的处理范围；请拆分为子项</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; has more than %2 options, more than lint and paths check; group the options or split the question</source>
        <translation>问题“%1”的选项超过 %2 个，超出检查和情形列举的处理范围；请归并选项或拆分问题</translation>
    </message>
    <message>
        <source>matter &apos;%1&apos; has more than %2 requirement lines, more than lint and paths check; split it into sub-items (子项)</source>
        <translation>事项“%1”的材料要求超过 %2 行，超出检查和情形列举的处理范围；请拆分为子项</translation>
    </message>
    <message>
        <source>number question &apos;%1&apos; is compared with a number more than %2 times, more than lint and paths check; compare it with fewer thresholds</source>
        <translation>数值问题“%1”在条件中被比较超过 %2 次，超出检查和情形列举的处理范围；请减少比较的临界值</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number from %2 to %3, not %4</source>
        <translation>问题“%1”应填写 %2 至 %3 之间的数值，不能填写 %4</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number of at least %2, not %3</source>
        <translation>问题“%1”应填写不小于 %2 的数值，不能填写 %3</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; takes a number of at most %2, not %3</source>
        <translation>问题“%1”应填写不大于 %2 的数值，不能填写 %3</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>用于 %1</translation>
    </message>
    <message>
        <source>the guide code holds a character it cannot carry unescaped: %1</source>
        <translation>指南编码含有必须转义才能写入的字符：%1</translation>
    </message>
    <message>
        <source>The catalogue has no matter or bundle “%1”.</source>
        <translation>目录中没有事项或一件事“%1”。</translation>
    </message>
    <message>
        <source>None of the chosen matters has a situation in which the applicant brings materials: there is nothing to ask.</source>
        <translation>所选事项没有需要申请人提交材料的办事情形，无题可出。</translation>
    </message>
    <message>
        <source>a pre-application code is not longer than %1 characters</source>
        <translation>预申报编号不超过 %1 个字符</translation>
    </message>
    <message>
        <source>this is not a pre-application code: %1</source>
        <translation>这不是预申报编号：%1</translation>
    </message>
    <message>
        <source>the text of &apos;%1&apos; is %2 characters long; at most %3 are allowed, so shorten it</source>
        <translation>“%1”的内容有 %2 个字，最多允许 %3 个，请精简</translation>
    </message>
    <message>
        <source>faq &apos;%1&apos; has no &apos;answer&apos;; add &apos;answer: TEXT&apos; indented under it, as the counter tells it</source>
        <translation>常见问题“%1”没有“answer”；请在其下缩进添加“answer: 答复内容”，写明窗口如何答复</translation>
    </message>
    <message>
        <source>faq &apos;%1&apos; is defined twice in &apos;%2&apos;; the first definition is at line %3 (give each faq its own id)</source>
        <translation>常见问题“%1”在“%2”中定义了两次，第一次定义在第 %3 行（每个常见问题须使用不同的编号）</translation>
    </message>
</context>
<context>
    <name>ow::cli</name>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>输出机器可读的 JSON。</translation>
    </message>
    <message>
        <source>Use the year files (2025.txt, …) in this folder instead of the calendar built into the program.</source>
        <translation>使用此文件夹中的年度文件（2025.txt 等），而不是程序内置的日历。</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>swapped working day</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli calendar add-workdays|is-workday|list ... (--help for each)
</source>
        <translation>用法：onewindow-cli calendar add-workdays|is-workday|list ...（各命令加 --help 查看说明）
</translation>
    </message>
    <message>
        <source>unknown calendar command &apos;%1&apos;</source>
        <translation>未知的 calendar 命令“%1”</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message numerus="yes">
        <source>expected %n argument(s); see --help</source>
        <translation>
            <numerusform>应有 %n 个参数；参见 --help</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date written YYYY-MM-DD</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>The date N working days after DATE: DATE itself is not counted, then only working days count (Administrative Licensing Law art. 82), holidays and swapped working weekends as the State Council announced them. A negative N counts backwards. Fails (exit 1) when the count needs a year the calendar has no data for.</source>
        <translation>DATE 之后第 N 个工作日的日期：DATE 当天不计，之后只计工作日（《行政许可法》第八十二条），节假日和调休周末以国务院公布的安排为准。N 为负数时向前倒数。计算需要日历中没有数据的年份时失败（退出码 1）。</translation>
    </message>
    <message>
        <source>the start date, YYYY-MM-DD</source>
        <translation>起始日期，YYYY-MM-DD</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of days</source>
        <translation>“%1”不是天数</translation>
    </message>
    <message>
        <source>calendar %1</source>
        <translation>日历版本 %1</translation>
    </message>
    <message>
        <source>Whether DATE is a working day, and why. Exit 0 for a working day, 1 for a day off, 2 when it cannot be told (bad date, or a year the calendar has no data for).</source>
        <translation>DATE 是否为工作日及其原因。工作日退出码为 0，休息日为 1，无法判断（日期有误，或日历中没有该年份的数据）时为 2。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1 (%2) is a working day: %3</source>
        <translation>%1（%2）是工作日：%3</translation>
    </message>
    <message>
        <source>%1 (%2) is not a working day: %3</source>
        <translation>%1（%2）不是工作日：%3</translation>
    </message>
    <message>
        <source>The holidays and swapped working days of YEAR, with the notice they come from and the number of working days. Fails (exit 1) for a year the calendar has no data for.</source>
        <translation>YEAR 年的节假日和调休工作日，以及其依据的通知和全年工作日数。日历中没有该年份的数据时失败（退出码 1）。</translation>
    </message>
    <message>
        <source>e.g. 2026</source>
        <translation>例如 2026</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a year</source>
        <translation>“%1”不是年份</translation>
    </message>
    <message>
        <source>The calendar has no data for %1; it covers %2.</source>
        <translation>日历中没有 %1 年的数据；现有数据覆盖：%2。</translation>
    </message>
    <message>
        <source>%1, calendar version %2</source>
        <translation>%1 年，日历版本 %2</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>%1 working days in %2</source>
        <translation>%2 年共 %1 个工作日</translation>
    </message>
    <message>
        <source>The workstation&apos;s data folder (default: %1).</source>
        <translation>工作站的数据文件夹（默认：%1）。</translation>
    </message>
    <message>
        <source>unknown case command &apos;%1&apos;</source>
        <translation>未知的 case 命令“%1”</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli audit verify [--data-dir DIR] [--json]
</source>
        <translation>用法：onewindow-cli audit verify [--data-dir DIR] [--json]
</translation>
    </message>
    <message>
        <source>unknown audit command &apos;%1&apos;</source>
        <translation>未知的 audit 命令“%1”</translation>
    </message>
    <message>
        <source>List cases, newest first, with the applicant masked. Filters combine.</source>
        <translation>列出办件，最新的在前，申请人信息已脱敏。多个筛选条件同时生效。</translation>
    </message>
    <message>
        <source>Only cases in this state: %1.</source>
        <translation>只列出处于此状态的办件：%1。</translation>
    </message>
    <message>
        <source>Only cases opened on or after this date (YYYY-MM-DD).</source>
        <translation>只列出在此日期当天或之后新建的办件（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Only cases opened on or before this date (YYYY-MM-DD).</source>
        <translation>只列出在此日期当天或之前新建的办件（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Only cases whose number, matter or masked applicant contains TEXT.</source>
        <translation>只列出统一申报编码、事项或脱敏后的申请人中包含 TEXT 的办件。</translation>
    </message>
    <message>
        <source>At most N cases (1–1000, default 50).</source>
        <translation>最多列出 N 件（1–1000，默认 50）。</translation>
    </message>
    <message>
        <source>Skip the first N cases.</source>
        <translation>跳过前 N 件。</translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos;; use one of: %2</source>
        <translation>未知状态“%1”；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>invalid --from, --to, --limit or --offset; see --help</source>
        <translation>--from、--to、--limit 或 --offset 无效；参见 --help</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>共 %2 件，显示 %1 件</translation>
    </message>
    <message>
        <source>Show one case with its checklist, material checks and event log; personal data masked.</source>
        <translation>显示一个办件及其材料清单、材料核验情况和事件记录；个人信息已脱敏。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>办件类型</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n working day(s)</source>
        <translation>
            <numerusform>%1，%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>办事情形</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>新建时间</translation>
    </message>
    <message>
        <source>%1 by %2 at counter %3</source>
        <translation>%1，窗口人员 %2，%3 号窗口</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>%1 (calendar %2)</source>
        <translation>%1（日历版本 %2）</translation>
    </message>
    <message>
        <source>Materials:</source>
        <translation>材料：</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Check the hash chain of the audit log. Exit 0 when intact, 1 with the first broken row when a row was changed, inserted or removed.</source>
        <translation>检查审计日志的哈希链。完好时退出码为 0；有行被修改、插入或删除时为 1，并指出第一处断开的行。</translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact: %n row(s) verified.</source>
        <translation>
            <numerusform>审计日志完好：已验证 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log broken at row %1: %2</source>
        <translation>审计日志在第 %1 行断开：%2</translation>
    </message>
    <message>
        <source>unknown catalogue command &apos;%1&apos;</source>
        <translation>未知的 catalogue 命令“%1”</translation>
    </message>
    <message>
        <source>the catalogue in %1 could not be loaded</source>
        <translation>无法加载 %1 中的事项目录</translation>
    </message>
    <message>
        <source>Check a catalogue folder: every problem with file and line. Exit 1 when there are errors, 0 with warnings only.</source>
        <translation>检查事项目录文件夹：列出每个问题及其文件和行号。有错误时退出码为 1，只有警告时为 0。</translation>
    </message>
    <message>
        <source>the catalogue folder</source>
        <translation>事项目录文件夹</translation>
    </message>
    <message>
        <source>%1 matters, %2 questions, %3 situations, %4 materials, %5 bundles</source>
        <translation>%1 个事项，%2 个情形问题，%3 个办事情形，%4 种材料，%5 个一件事</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>Only this matter.</source>
        <translation>只列出此事项。</translation>
    </message>
    <message>
        <source>no matter with code %1</source>
        <translation>没有编码为 %1 的事项</translation>
    </message>
    <message>
        <source>Compare two catalogues: which situations gained or lost which materials. Exit 0 when equal, 1 when they differ.</source>
        <translation>比较两个事项目录：哪些办事情形增加或减少了哪些材料。相同时退出码为 0，不同时为 1。</translation>
    </message>
    <message>
        <source>the older catalogue folder</source>
        <translation>较旧的事项目录文件夹</translation>
    </message>
    <message>
        <source>the newer catalogue folder</source>
        <translation>较新的事项目录文件夹</translation>
    </message>
    <message>
        <source>Find matters and bundles by name, keyword, code, full pinyin or pinyin initials (e.g. ggcswsxk).</source>
        <translation>按名称、关键词、编码、全拼或拼音首字母（例如 ggcswsxk）查找事项和一件事。</translation>
    </message>
    <message>
        <source>what to look for</source>
        <translation>要查找的内容</translation>
    </message>
    <message>
        <source>At most this many results (default 20).</source>
        <translation>最多显示的结果数（默认 20）。</translation>
    </message>
    <message>
        <source>[bundle] </source>
        <translation>[一件事] </translation>
    </message>
    <message>
        <source>no matter matches &apos;%1&apos;</source>
        <translation>没有与“%1”匹配的事项</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli idcard decode FILE
       onewindow-cli idcard read --port PORT | --usb [--timeout S]
</source>
        <translation>用法：onewindow-cli idcard decode FILE
      onewindow-cli idcard read --port PORT | --usb [--timeout S]
</translation>
    </message>
    <message>
        <source>unknown idcard command &apos;%1&apos;</source>
        <translation>未知的 idcard 命令“%1”</translation>
    </message>
    <message>
        <source>Decode one reply frame of an ID card reader (hex text or binary) and print its fields as JSON. Exit 1 when the frame is damaged.</source>
        <translation>解码身份证读卡器的一个应答数据帧（十六进制文本或二进制），并以 JSON 输出其字段。数据帧损坏时退出码为 1。</translation>
    </message>
    <message>
        <source>the recorded frame</source>
        <translation>录制的数据帧</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no frame of an ID card reader (no AA AA AA 96 69).</source>
        <translation>%1 中没有身份证读卡器的数据帧（未找到 AA AA AA 96 69）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: only the first frame was decoded</source>
        <translation>%1：只解码了第一个数据帧</translation>
    </message>
    <message>
        <source>Wait for one ID card on a reader and print its fields as JSON. Exit 1 when no card is read in time, 2 when the reader cannot be used.</source>
        <translation>等待读卡器上放置一张身份证，并以 JSON 输出其字段。超时未读到卡时退出码为 1，读卡器无法使用时为 2。</translation>
    </message>
    <message>
        <source>The serial port of the reader (COM3, /dev/ttyUSB0).</source>
        <translation>读卡器的串口（COM3、/dev/ttyUSB0）。</translation>
    </message>
    <message>
        <source>Use a USB reader (0400:C35A, 0316:5020).</source>
        <translation>使用 USB 读卡器（0400:C35A、0316:5020）。</translation>
    </message>
    <message>
        <source>With --usb: the reader&apos;s VID:PID instead of the known ones.</source>
        <translation>与 --usb 一起使用：指定读卡器的 VID:PID，代替已知型号。</translation>
    </message>
    <message>
        <source>Seconds to wait for a card (default 10).</source>
        <translation>等待放卡的秒数（默认 10）。</translation>
    </message>
    <message>
        <source>Also read the fingerprint data.</source>
        <translation>同时读取指纹数据。</translation>
    </message>
    <message>
        <source>Write the photo to FILE as BMP; needs the reader vendor&apos;s decoding library.</source>
        <translation>将照片以 BMP 格式写入 FILE；需要读卡器厂商的解码库。</translation>
    </message>
    <message>
        <source>give either --port PORT or --usb, and a positive --timeout; see --help</source>
        <translation>请指定 --port PORT 或 --usb 之一，以及正数的 --timeout；参见 --help</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a USB id like 0400:C35A</source>
        <translation>“%1”不是形如 0400:C35A 的 USB ID</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No ID card was placed on the reader within %1 seconds.</source>
        <translation>%1 秒内读卡器上未放置身份证。</translation>
    </message>
    <message>
        <source>Check a value the way the counter does and print its parts, or why it is invalid.
  id     citizen ID number (GB 11643): area, birth date, sex
  uscc   unified social credit code (GB 32100): authority, category, area
  phone  mainland mobile or landline number
Exit 0 when valid (warnings are printed but do not fail), 1 when invalid, 2 on a usage error.</source>
        <translation>按窗口的方式校验一个值，并列出其组成部分，或说明无效的原因。
  id     公民身份号码（GB 11643）：地区、出生日期、性别
  uscc   统一社会信用代码（GB 32100）：登记管理部门、机构类别、地区
  phone  内地手机号码或固定电话号码
有效时退出码为 0（警告会输出，但不算失败），无效时为 1，用法错误时为 2。</translation>
    </message>
    <message>
        <source>id, uscc or phone</source>
        <translation>id、uscc 或 phone</translation>
    </message>
    <message>
        <source>the value to check</source>
        <translation>要校验的值</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli validate id|uscc|phone VALUE [--json] (--help for more)
</source>
        <translation>用法：onewindow-cli validate id|uscc|phone VALUE [--json]（--help 查看更多）
</translation>
    </message>
    <message>
        <source>unknown kind &apos;%1&apos;: use id, uscc or phone</source>
        <translation>未知类型“%1”：请使用 id、uscc 或 phone</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>valid citizen ID number %1</source>
        <translation>有效的公民身份号码 %1</translation>
    </message>
    <message>
        <source>area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>脱敏后</translation>
    </message>
    <message>
        <source>(not in GB 32100)</source>
        <translation>（不在 GB 32100 中）</translation>
    </message>
    <message>
        <source>valid unified social credit code %1</source>
        <translation>有效的统一社会信用代码 %1</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>登记管理部门</translation>
    </message>
    <message>
        <source>category</source>
        <translation>机构类别</translation>
    </message>
    <message>
        <source>organisation code</source>
        <translation>组织机构代码</translation>
    </message>
    <message>
        <source>valid mobile number %1</source>
        <translation>有效的手机号码 %1</translation>
    </message>
    <message>
        <source>valid landline number %1</source>
        <translation>有效的固定电话号码 %1</translation>
    </message>
    <message>
        <source>area code</source>
        <translation>区号</translation>
    </message>
    <message>
        <source>matter %1 %2</source>
        <translation>事项 %1 %2</translation>
    </message>
    <message>
        <source>(a number%1)</source>
        <translation>（填数字%1）</translation>
    </message>
    <message>
        <source>ignored answer %1: not asked in this situation, or not a valid option</source>
        <translation>已忽略答案 %1：此情形下不问该问题，或不是有效选项</translation>
    </message>
    <message>
        <source>situation reached: %1</source>
        <translation>已确定办事情形：%1</translation>
    </message>
    <message>
        <source>next question: %1</source>
        <translation>下一个问题：%1</translation>
    </message>
    <message>
        <source>checklist (%1 materials):</source>
        <translation>材料清单（%1 种材料）：</translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>The hall&apos;s settings file (INI) over the built-in defaults.</source>
        <translation>大厅设置文件（INI），覆盖内置的默认设置。</translation>
    </message>
    <message>
        <source>The catalogue folder (default: $OW_CATALOGUE, else the demo catalogue).</source>
        <translation>事项目录文件夹（默认：$OW_CATALOGUE，未设置时使用演示目录）。</translation>
    </message>
    <message>
        <source>Paper width of PNG receipts: 80 (576 dots, default) or 58 (384 dots).</source>
        <translation>PNG 凭条的纸宽：80（576 点，默认）或 58（384 点）。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli document sample|render|check-settings ... (--help for each)
</source>
        <translation>用法：onewindow-cli document sample|render|check-settings ...（各命令加 --help 查看说明）
</translation>
    </message>
    <message>
        <source>unknown document command &apos;%1&apos;</source>
        <translation>未知的 document 命令“%1”</translation>
    </message>
    <message>
        <source>Documents are drawn with fonts, which need a QGuiApplication.</source>
        <translation>文书需要用字体绘制，这需要 QGuiApplication。</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; see --help</source>
        <translation>意外的参数“%1”；参见 --help</translation>
    </message>
    <message>
        <source>--receipt must be 80 or 58</source>
        <translation>--receipt 必须为 80 或 58</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Print every document for the demo case (hotel hygiene permit 330302-WJ-001, applicant 张三): KIND.pdf and KIND-receipt.png each.</source>
        <translation>输出演示办件（旅馆卫生许可 330302-WJ-001，申请人 张三）的全部文书：每种文书各输出 KIND.pdf 和 KIND-receipt.png。</translation>
    </message>
    <message>
        <source>The folder to write to (created if needed).</source>
        <translation>输出文件夹（如不存在则自动创建）。</translation>
    </message>
    <message>
        <source>--out DIR is required; see --help</source>
        <translation>必须指定 --out DIR；参见 --help</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Print one document of a case in the local database: a PDF, or a thermal receipt image when FILE ends in .png.</source>
        <translation>输出本地数据库中某个办件的一份文书：PDF；FILE 以 .png 结尾时输出热敏凭条图像。</translation>
    </message>
    <message>
        <source>The case number.</source>
        <translation>统一申报编码。</translation>
    </message>
    <message>
        <source>The document: %1.</source>
        <translation>文书种类：%1。</translation>
    </message>
    <message>
        <source>The file to write (.pdf or .png).</source>
        <translation>要写入的文件（.pdf 或 .png）。</translation>
    </message>
    <message>
        <source>--case, --kind and --out are required; see --help</source>
        <translation>必须指定 --case、--kind 和 --out；参见 --help</translation>
    </message>
    <message>
        <source>unknown document kind &apos;%1&apos;; use one of: %2</source>
        <translation>未知文书种类“%1”；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>The case %1 has no decision that issues a %2.</source>
        <translation>办件 %1 没有需要出具%2的决定。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli camera list [--all] [--json]
       onewindow-cli camera process IN OUT [--no-crop] [--no-deskew] [--rotate N] [--quality Q] [--max-edge PX] [--json]
</source>
        <translation>用法：onewindow-cli camera list [--all] [--json]
      onewindow-cli camera process IN OUT [--no-crop] [--no-deskew] [--rotate N] [--quality Q] [--max-edge PX] [--json]
</translation>
    </message>
    <message>
        <source>unknown camera command &apos;%1&apos;</source>
        <translation>未知的 camera 命令“%1”</translation>
    </message>
    <message>
        <source>List the cameras Qt Multimedia sees, each with the format OneWindow would run it at (the largest, MJPEG when large). The id goes into the setting camera/device. Exit 1 when there is none.</source>
        <translation>列出 Qt Multimedia 识别到的摄像头，以及一窗受理将采用的格式（最大的格式，尺寸大时用 MJPEG）。id 填入设置项 camera/device。没有摄像头时退出码为 1。</translation>
    </message>
    <message>
        <source>Also list every format each camera offers.</source>
        <translation>同时列出每个摄像头支持的所有格式。</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>  id: %1</source>
        <translation>  id：%1</translation>
    </message>
    <message>
        <source>  runs at: %1</source>
        <translation>  采用格式：%1</translation>
    </message>
    <message>
        <source>no format listed</source>
        <translation>未列出格式</translation>
    </message>
    <message>
        <source>  offers:</source>
        <translation>  支持的格式：</translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation>未找到摄像头。</translation>
    </message>
    <message>
        <source>Process a document camera photo as the workstation does: find the page against the desk, crop and level it, turn it, limit its size, and write OUT (JPEG for .jpg/.jpeg, else by suffix, e.g. .png). Exit 1 when cropping was asked for but no page was found (OUT is then the whole photo).</source>
        <translation>按工作台的方式处理一张高拍仪照片：从桌面背景中找出页面，裁切并纠偏，旋转，限制尺寸，然后写入 OUT（.jpg/.jpeg 写为 JPEG，其他按后缀，例如 .png）。要求裁切但未找到页面时退出码为 1（此时 OUT 为整张照片）。</translation>
    </message>
    <message>
        <source>the photo (JPEG, PNG, …)</source>
        <translation>照片（JPEG、PNG、…）</translation>
    </message>
    <message>
        <source>the page to write</source>
        <translation>要写入的页面图像</translation>
    </message>
    <message>
        <source>Keep the whole photo (the setting camera/autoCrop=false).</source>
        <translation>保留整张照片（即设置项 camera/autoCrop=false）。</translation>
    </message>
    <message>
        <source>Crop without turning the page level.</source>
        <translation>只裁切，不纠偏。</translation>
    </message>
    <message>
        <source>Quarter turns clockwise after cropping (-3 to 3).</source>
        <translation>裁切后顺时针旋转 90° 的次数（-3 至 3）。</translation>
    </message>
    <message>
        <source>JPEG quality, 1 to 100 (default 85).</source>
        <translation>JPEG 质量，1 至 100（默认 85）。</translation>
    </message>
    <message>
        <source>Longest edge in pixels, 0 to 20000; 0 keeps the photo&apos;s size (default 2480).</source>
        <translation>长边的最大像素数，0 至 20000；0 表示保持照片原尺寸（默认 2480）。</translation>
    </message>
    <message>
        <source>--rotate takes -3 to 3, --quality 1 to 100, --max-edge 0 to %1; see --help</source>
        <translation>--rotate 应为 -3 至 3，--quality 应为 1 至 100，--max-edge 应为 0 至 %1；参见 --help</translation>
    </message>
    <message>
        <source>unknown image type or no access</source>
        <translation>图像类型未知或无访问权限</translation>
    </message>
    <message>
        <source>Page found: %1 px around (%2, %3), tilted %4°.</source>
        <translation>已找到页面：%1 像素，中心约在 (%2, %3)，倾斜 %4°。</translation>
    </message>
    <message>
        <source>Wrote %1: %2 px, %3 kB.</source>
        <translation>已写入 %1：%2 像素，%3 kB。</translation>
    </message>
    <message>
        <source>Record a department&apos;s decision or stage for a case on the central server: %1.</source>
        <translation>在中心服务器上记录部门对办件作出的决定或所处的办理环节：%1。</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>办理环节或决定</translation>
    </message>
    <message>
        <source>The server&apos;s address.</source>
        <translation>服务器地址。</translation>
    </message>
    <message>
        <source>The department&apos;s key.</source>
        <translation>部门密钥。</translation>
    </message>
    <message>
        <source>Who recorded it at the department (default: cli).</source>
        <translation>部门中的登记人员（默认：cli）。</translation>
    </message>
    <message>
        <source>A reason (repeat for several; needed for denied).</source>
        <translation>理由（多条理由请重复此选项；denied 时必填）。</translation>
    </message>
    <message>
        <source>A remark.</source>
        <translation>备注。</translation>
    </message>
    <message>
        <source>A material to supply, ID:NAME:DEADLINE (repeat; needed for supplement-requested).</source>
        <translation>需补交的材料，格式为 ID:NAME:DEADLINE（可重复；supplement-requested 时必填）。</translation>
    </message>
    <message>
        <source>An idempotency key, so a repeated command records once.</source>
        <translation>幂等键，使重复执行的命令只记录一次。</translation>
    </message>
    <message>
        <source>case status needs a KIND (%1), --server URL and --key KEY; see --help</source>
        <translation>case status 需要指定 KIND（%1）、--server URL 和 --key KEY；参见 --help</translation>
    </message>
    <message>
        <source>invalid --material &apos;%1&apos;: use ID:NAME:YYYY-MM-DD</source>
        <translation>无效的 --material“%1”：请写作 ID:NAME:YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Case %1 is now %2.</source>
        <translation>办件 %1 现为“%2”。</translation>
    </message>
    <message>
        <source>Publish a catalogue folder to the central server, which makes it the current version for every counter. The catalogue is linted here first; errors stop the publication.</source>
        <translation>将事项目录文件夹发布到中心服务器，使其成为所有窗口的当前版本。发布前先在本地检查事项目录；有错误时停止发布。</translation>
    </message>
    <message>
        <source>A publisher key from the server&apos;s administrator.</source>
        <translation>由服务器管理员发放的发布密钥。</translation>
    </message>
    <message>
        <source>catalogue publish needs --server URL and --key KEY</source>
        <translation>catalogue publish 需要指定 --server URL 和 --key KEY</translation>
    </message>
    <message>
        <source>The catalogue has errors; nothing was published.</source>
        <translation>事项目录有错误；未发布任何内容。</translation>
    </message>
    <message>
        <source>Published %1 version %2; it is now current.</source>
        <translation>已发布 %1 版本 %2，现为当前版本。</translation>
    </message>
    <message>
        <source>%1 version %2 was already published.</source>
        <translation>%1 版本 %2 此前已发布。</translation>
    </message>
    <message>
        <source>The server&apos;s database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME.</source>
        <translation>服务器数据库：sqlite:PATH 或 postgresql://USER:PASSWORD@HOST:PORT/NAME。</translation>
    </message>
    <message>
        <source>The server&apos;s data folder (its SQLite database, when --database is not given).</source>
        <translation>服务器的数据文件夹（未指定 --database 时，SQLite 数据库存放于此）。</translation>
    </message>
    <message>
        <source>Give the server&apos;s database with --database or --data-dir.</source>
        <translation>请用 --database 或 --data-dir 指定服务器数据库。</translation>
    </message>
    <message>
        <source>unknown server command &apos;%1&apos;</source>
        <translation>未知的 server 命令“%1”</translation>
    </message>
    <message>
        <source>Hall code the workstation numbers its cases with.</source>
        <translation>工作站为办件编号所用的大厅代码。</translation>
    </message>
    <message>
        <source>Counter id ending in its number 1-99, e.g. W07.</source>
        <translation>窗口 id，以窗口号 1-99 结尾，例如 W07。</translation>
    </message>
    <message>
        <source>Department id, as the catalogue names it.</source>
        <translation>部门 id，与事项目录中的写法一致。</translation>
    </message>
    <message>
        <source>Who publishes with the key.</source>
        <translation>使用该密钥发布的人员。</translation>
    </message>
    <message>
        <source>Issue a one-time enrol code (valid 24 hours) for a counter workstation.</source>
        <translation>为窗口工作站签发一次性注册码（24 小时内有效）。</translation>
    </message>
    <message>
        <source>Issue a key for a department&apos;s system: its cases only.</source>
        <translation>为部门业务系统签发密钥：仅限该部门的办件。</translation>
    </message>
    <message>
        <source>Issue a key that may publish catalogues.</source>
        <translation>签发可发布事项目录的密钥。</translation>
    </message>
    <message>
        <source>id:     %1
</source>
        <translation>id：  %1
</translation>
    </message>
    <message>
        <source>secret: %1
</source>
        <translation>密钥：%1
</translation>
    </message>
    <message>
        <source>valid until %1 (UTC), once
</source>
        <translation>有效期至 %1（UTC），仅可使用一次
</translation>
    </message>
    <message>
        <source>The secret is shown only now: the server keeps only its hash.
</source>
        <translation>密钥仅在此时显示：服务器只保存其哈希值。
</translation>
    </message>
    <message>
        <source>Revoke a workstation token, department or publisher key, or an unused enrol code, by id.</source>
        <translation>按 id 吊销工作站令牌、部门密钥、发布密钥或未使用的注册码。</translation>
    </message>
    <message>
        <source>The credential&apos;s id.</source>
        <translation>凭据 id。</translation>
    </message>
    <message>
        <source>revoked %1
</source>
        <translation>已吊销 %1
</translation>
    </message>
    <message>
        <source>List the server&apos;s credentials: ids and bindings, never secrets.</source>
        <translation>列出服务器的凭据：id 和绑定对象，不显示密钥。</translation>
    </message>
    <message>
        <source>  revoked</source>
        <translation>  已吊销</translation>
    </message>
    <message>
        <source>unknown sync command &apos;%1&apos;</source>
        <translation>未知的 sync 命令“%1”</translation>
    </message>
    <message>
        <source>Enrol this workstation with the central server using a one-time code from the server&apos;s administrator. The token, hall and counter are kept in the workstation&apos;s database.</source>
        <translation>使用服务器管理员提供的一次性注册码，将本工作站注册到中心服务器。令牌、大厅和窗口保存在工作站的数据库中。</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://onewindow.example:8443.</source>
        <translation>服务器地址，例如 https://onewindow.example:8443。</translation>
    </message>
    <message>
        <source>The one-time enrolment code.</source>
        <translation>一次性注册码。</translation>
    </message>
    <message>
        <source>This machine&apos;s name for the server (default: host name).</source>
        <translation>本机在服务器上显示的名称（默认：主机名）。</translation>
    </message>
    <message>
        <source>sync enrol needs --server URL and --code CODE; see --help</source>
        <translation>sync enrol 需要指定 --server URL 和 --code CODE；参见 --help</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>无法创建数据文件夹 %1</translation>
    </message>
    <message>
        <source>Enrolled as counter %1 (number %2) of hall %3.</source>
        <translation>已注册为大厅 %3 的窗口 %1（窗口号 %2）。</translation>
    </message>
    <message>
        <source>cannot read the sync state of the workstation&apos;s database</source>
        <translation>无法读取工作站数据库中的同步状态</translation>
    </message>
    <message>
        <source>Not enrolled with a server (onewindow-cli sync enrol).</source>
        <translation>尚未注册到服务器（onewindow-cli sync enrol）。</translation>
    </message>
    <message>
        <source>Server: %1 (hall %2, counter %3)</source>
        <translation>服务器：%1（大厅 %2，窗口 %3）</translation>
    </message>
    <message>
        <source>Events waiting: %1; rejected: %2; delivered: %3</source>
        <translation>待发送事件：%1；被拒绝：%2；已送达：%3</translation>
    </message>
    <message>
        <source>Scans waiting: %1 bytes</source>
        <translation>待上传扫描件：%1 字节</translation>
    </message>
    <message>
        <source>Changes cursor: %1</source>
        <translation>变更游标：%1</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Send the outbox and scans to the server and pull the hall&apos;s changes: one round with --once (exit 1 when it fails), else until stopped.</source>
        <translation>将发件箱和扫描件发送到服务器，并拉取本大厅的变更：指定 --once 时只同步一轮（失败时退出码为 1），否则持续运行直至停止。</translation>
    </message>
    <message>
        <source>Run one round and exit.</source>
        <translation>只同步一轮后退出。</translation>
    </message>
    <message>
        <source>Bytes per upload request (default 1 MiB, at most 4 MiB).</source>
        <translation>每个上传请求的字节数（默认 1 MiB，最多 4 MiB）。</translation>
    </message>
    <message>
        <source>Seconds between rounds when not run once (default 30).</source>
        <translation>持续运行时每轮之间间隔的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>invalid --chunk-size or --poll; see --help</source>
        <translation>--chunk-size 或 --poll 无效；参见 --help</translation>
    </message>
    <message>
        <source>round done</source>
        <translation>本轮同步完成</translation>
    </message>
    <message>
        <source>round failed: %1</source>
        <translation>本轮同步失败：%1</translation>
    </message>
    <message>
        <source>events waiting: %1</source>
        <translation>待发送事件：%1</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server (onewindow-cli sync enrol).</source>
        <translation>本工作站尚未注册到服务器（onewindow-cli sync enrol）。</translation>
    </message>
    <message>
        <source>Sent %1 events (%2 rejected), uploaded %3 scans (%4 bytes); received %5 events, imported %6 cases.</source>
        <translation>已发送 %1 个事件（%2 个被拒绝），已上传 %3 个扫描件（%4 字节）；已接收 %5 个事件，已导入 %6 个办件。</translation>
    </message>
    <message>
        <source>List the cases of a hall that two counters decided differently (accepted at one, refused at another): a supervisor settles each one.</source>
        <translation>列出本大厅中两个窗口作出不同决定的办件（一个窗口受理、另一个窗口不予受理），由督查人员逐件处理。</translation>
    </message>
    <message>
        <source>--hall is required</source>
        <translation>必须指定 --hall</translation>
    </message>
    <message>
        <source>No conflicting decisions in hall %1.</source>
        <translation>大厅 %1 没有相互冲突的决定。</translation>
    </message>
    <message>
        <source>%1  %2, then %3 (detected %4)</source>
        <translation>%1  先 %2，后 %3（发现于 %4）</translation>
    </message>
    <message>
        <source>Check a hall&apos;s settings file as the workstation and the documents load it: every key known, every wording with exactly the placeholders of its default, no control characters, every value within its length. Exits 1 with file:line and what is wrong when the file would be refused.</source>
        <translation>按工作台和文书加载的方式检查大厅设置文件：每个键都存在，每条措辞恰好保留默认措辞中的占位符，没有控制字符，每个值都在长度限制之内。文件会被拒绝时，以退出码 1 输出“文件:行号”和错误原因。</translation>
    </message>
    <message>
        <source>The hall&apos;s settings file (INI).</source>
        <translation>大厅设置文件（INI）。</translation>
    </message>
    <message>
        <source>%1: the hall settings are valid.</source>
        <translation>%1：大厅设置有效。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli sync enrol|status|run|retry-scan|discard-scan ... (--help for each)
</source>
        <translation>用法：onewindow-cli sync enrol|status|run|retry-scan|discard-scan ...（各命令加 --help 查看说明）
</translation>
    </message>
    <message>
        <source>Give up a scan that cannot be read: the events waiting for it are sent without it. Scan the material again and attach it to the case.</source>
        <translation>放弃无法读取的扫描件：等待它的事件将不带它发送。请重新扫描材料并附到办件中。</translation>
    </message>
    <message>
        <source>Read a scan set aside again at the next sync round (after the file was restored).</source>
        <translation>在下一轮同步时重新读取被搁置的扫描件（在文件恢复之后）。</translation>
    </message>
    <message>
        <source>The scan&apos;s SHA-256.</source>
        <translation>扫描件的 SHA-256。</translation>
    </message>
    <message>
        <source>No scan %1 is set aside.</source>
        <translation>没有被搁置的扫描件 %1。</translation>
    </message>
    <message>
        <source>The scan %1 is discarded: the events waiting for it go without it at the next round. Scan the material again and attach it to the case.</source>
        <translation>扫描件 %1 已放弃：等待它的事件将在下一轮不带它发送。请重新扫描材料并附到办件中。</translation>
    </message>
    <message>
        <source>The scan %1 will be read again at the next round.</source>
        <translation>扫描件 %1 将在下一轮重新读取。</translation>
    </message>
    <message>
        <source>Scan discarded: %1 (cases %2)</source>
        <translation>已放弃的扫描件：%1（办件 %2）</translation>
    </message>
    <message>
        <source>Scan set aside: %1 (cases %2)</source>
        <translation>被搁置的扫描件：%1（办件 %2）</translation>
    </message>
    <message>
        <source>  Scan the material again and run: onewindow-cli sync retry-scan SHA256, or onewindow-cli sync discard-scan SHA256</source>
        <translation>  请重新扫描材料，然后运行：onewindow-cli sync retry-scan SHA256，或 onewindow-cli sync discard-scan SHA256</translation>
    </message>
    <message>
        <source>Rejected event %1: %2</source>
        <translation>被拒绝的事件 %1：%2</translation>
    </message>
    <message>
        <source>Server clock minus this clock: %1 s</source>
        <translation>服务器时钟减本机时钟：%1 秒</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>List how far each workstation&apos;s clock was from the server&apos;s when it last sent events (positive: ahead). The server orders nothing by these clocks; a clock off by more than two minutes should be set right.</source>
        <translation>列出各工作站上次发送事件时其时钟与服务器时钟之差（正数表示偏快）。服务器不按这些时钟排序；偏差超过两分钟的时钟应予校正。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>  clock off</source>
        <translation>  时钟偏差</translation>
    </message>
    <message>
        <source>Check the server&apos;s database: every page and index of an SQLite file (PRAGMA integrity_check) and the schema version. Exits 0 when sound, 1 when damaged, 2 when it cannot be opened. Run it with the server stopped, or on a backup copy.</source>
        <translation>检查服务器数据库：SQLite 文件的每一页和每个索引（PRAGMA integrity_check）以及结构版本。完好时退出码为 0，损坏时为 1，无法打开时为 2。请在服务器停止时运行，或对备份副本运行。</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>%1 处没有数据库。</translation>
    </message>
    <message>
        <source>schema version %1 is newer than this program knows (%2)</source>
        <translation>结构版本 %1 比本程序所知的更新（%2）</translation>
    </message>
    <message>
        <source>%1: sound (schema version %2).</source>
        <translation>%1：完好（结构版本 %2）。</translation>
    </message>
    <message>
        <source>%1 is damaged. Restore it from a backup (docs/deployment.md, “Recovery”):</source>
        <translation>%1 已损坏。请从备份恢复（docs/deployment.md，“Recovery”一节）：</translation>
    </message>
    <message>
        <source>Read the new password from the first line of standard input instead of generating one.</source>
        <translation>从标准输入的第一行读取新密码，而不是自动生成。</translation>
    </message>
    <message>
        <source>Work on the hall-wide accounts in the server&apos;s database (sqlite:PATH or postgresql://…).</source>
        <translation>操作服务器数据库中的大厅账号（sqlite:PATH 或 postgresql://…）。</translation>
    </message>
    <message>
        <source>Work on the hall-wide accounts of the server whose data folder this is.</source>
        <translation>操作以此为数据文件夹的服务器上的大厅账号。</translation>
    </message>
    <message>
        <source>The hall whose accounts to change (with --database).</source>
        <translation>要修改其账号的大厅（与 --database 一起使用）。</translation>
    </message>
    <message>
        <source>A lockout is kept by the workstation where the wrong passwords were typed; unlock it there (--data-dir), or reset the password here.</source>
        <translation>锁定记录在输错密码的工作站上；请在该工作站解锁（--data-dir），或在此重置密码。</translation>
    </message>
    <message>
        <source>The server&apos;s accounts are per hall: give --hall HALL.</source>
        <translation>服务器上的账号按大厅区分：请给出 --hall HALL。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli account add|list|disable|enable|reset-password|roles|rename|unlock|pull ... (--help for each)
</source>
        <translation>用法：onewindow-cli account add|list|disable|enable|reset-password|roles|rename|unlock|pull ...（各子命令可加 --help）
</translation>
    </message>
    <message>
        <source>unknown account command &apos;%1&apos;</source>
        <translation>未知的 account 子命令“%1”</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>标准输入中没有密码</translation>
    </message>
    <message>
        <source>Initial password of %1 (shown only now; it must be changed at the first login): %2</source>
        <translation>%1 的初始密码（仅显示这一次；首次登录时必须修改）：%2</translation>
    </message>
    <message>
        <source>Add a clerk: STAFF_NUMBER is the 工号 typed at login. The password is generated and printed once unless --password-stdin is given; the clerk replaces it at the first login.</source>
        <translation>添加工作人员：STAFF_NUMBER 是登录时输入的工号。除非给出 --password-stdin，否则自动生成密码并只显示一次；工作人员首次登录时须修改。</translation>
    </message>
    <message>
        <source>The staff number.</source>
        <translation>工号。</translation>
    </message>
    <message>
        <source>The clerk&apos;s name, as printed on documents.</source>
        <translation>工作人员姓名，即文书上打印的姓名。</translation>
    </message>
    <message>
        <source>Roles separated by commas: intake, pickup, supervisor, admin, catalogue.</source>
        <translation>以逗号分隔的角色：intake（受理）、pickup（出件）、supervisor（窗口负责人）、admin（大厅管理员）、catalogue（事项目录编辑）。</translation>
    </message>
    <message>
        <source>account add needs --name NAME and --roles with known roles (intake, pickup, supervisor, admin, catalogue); see --help</source>
        <translation>account add 需要 --name NAME 和 --roles（已知角色：intake、pickup、supervisor、admin、catalogue）；见 --help</translation>
    </message>
    <message>
        <source>Added %1 %2 (%3).</source>
        <translation>已添加 %1 %2（%3）。</translation>
    </message>
    <message>
        <source>List the accounts: staff number, name, roles, state.</source>
        <translation>列出账号：工号、姓名、角色、状态。</translation>
    </message>
    <message>
        <source>Enable a disabled account again.</source>
        <translation>重新启用已停用的账号。</translation>
    </message>
    <message>
        <source>Disable an account: the clerk can no longer log in; the account is kept.</source>
        <translation>停用账号：该工作人员不能再登录；账号保留。</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <source>Give an account a new password (generated and printed once, or --password-stdin); the clerk must replace it at the next login. Also lifts a lockout.</source>
        <translation>为账号设置新密码（自动生成并只显示一次，或用 --password-stdin）；工作人员下次登录时必须修改。同时解除锁定。</translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <source>Replace an account&apos;s roles (intake, pickup, supervisor, admin, catalogue; comma-separated).</source>
        <translation>替换账号的角色（intake、pickup、supervisor、admin、catalogue；以逗号分隔）。</translation>
    </message>
    <message>
        <source>The roles, e.g. intake,pickup.</source>
        <translation>角色，例如 intake,pickup。</translation>
    </message>
    <message>
        <source>unknown roles &apos;%1&apos;: use intake, pickup, supervisor, admin, catalogue</source>
        <translation>未知的角色“%1”：可用 intake、pickup、supervisor、admin、catalogue</translation>
    </message>
    <message>
        <source>%1 now holds: %2.</source>
        <translation>%1 现在的角色：%2。</translation>
    </message>
    <message>
        <source>Change the clerk&apos;s name.</source>
        <translation>修改工作人员姓名。</translation>
    </message>
    <message>
        <source>The new name.</source>
        <translation>新姓名。</translation>
    </message>
    <message>
        <source>Renamed %1.</source>
        <translation>已修改 %1 的姓名。</translation>
    </message>
    <message>
        <source>Lift a lockout after wrong passwords before its time.</source>
        <translation>提前解除因密码错误造成的锁定。</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>已解锁 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) changed.</source>
        <translation>
            <numerusform>%n 个账号有变化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the passwords clerks changed at this workstation to the server it is enrolled with, then fetch the hall&apos;s accounts and bring the local cache up to them (hashes only): new clerks can log in here, also offline afterwards, and clerks disabled on the server are refused. The background sync of the workstation does the same every round.</source>
        <translation>先将本工作站上工作人员修改的密码发送到已注册的服务器，再获取本大厅的账号并更新本地缓存（仅密码哈希）：新增的工作人员可在本机登录，之后离线也可登录；在服务器上停用的工作人员将被拒绝登录。工作站的后台同步每一轮都会执行同样的操作。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli case list|show|check-store ... (--help for each)
</source>
        <translation>用法：onewindow-cli case list|show|check-store ...（各子命令均可用 --help）
</translation>
    </message>
    <message>
        <source>the case number as printed on the receipt (dashes and spaces allowed)</source>
        <translation>受理凭证上印的统一申报编码（可带连字符和空格）</translation>
    </message>
    <message>
        <source>case show needs the case number; see --help</source>
        <translation>case show 需要统一申报编码；参见 --help</translation>
    </message>
    <message>
        <source>Compare the scan folder with what the cases and the intake drafts cite. Exit 0 when they agree, 1 listing every scan file nothing cites (an orphan, e.g. left by a crash) and every scan cited but missing. Nothing is removed.</source>
        <translation>将扫描件目录与办件及收件草稿引用的文件比对。一致时退出码为 0；否则列出每个无任何办件或草稿引用的扫描文件（孤立文件，例如崩溃遗留）以及每个被引用但缺失的扫描件，退出码为 1。不删除任何文件。</translation>
    </message>
    <message>
        <source>orphan scan (no case or draft cites it): %1</source>
        <translation>孤立扫描件（无办件或草稿引用）：%1</translation>
    </message>
    <message>
        <source>missing scan (cited, not in the folder): %1</source>
        <translation>缺失扫描件（被引用但不在目录中）：%1</translation>
    </message>
    <message>
        <source>Store sound: every scan is cited and every cited scan is there.</source>
        <translation>存储完好：每个扫描件都有引用，每个被引用的扫描件都存在。</translation>
    </message>
    <message>
        <source>%1 orphan scan(s), %2 missing scan(s).</source>
        <translation>孤立扫描件 %1 个，缺失扫描件 %2 个。</translation>
    </message>
    <message>
        <source>“%1” is not a case number as printed on the receipt (23 letters and digits, e.g. 33030201-20260315-010001-7).</source>
        <translation>“%1”不是受理凭证上印的统一申报编码（应为 23 位字母和数字，例如 33030201-20260315-010001-7）。</translation>
    </message>
    <message>
        <source>The token of an enrolled workstation of the hall (a kiosk&apos;s, a counter&apos;s).</source>
        <translation>本大厅已注册工作站的令牌（取号机或窗口的）。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli queue issue|call|list|stats|appoint --server URL --key KEY ... (--help for each)
</source>
        <translation>用法：onewindow-cli queue issue|call|list|stats|appoint --server URL --key KEY ...（各子命令可加 --help）
</translation>
    </message>
    <message>
        <source>unknown queue command &apos;%1&apos;</source>
        <translation>未知的排队命令“%1”</translation>
    </message>
    <message>
        <source>queue %1 needs --server URL and --key KEY; see --help</source>
        <translation>queue %1 需要 --server URL 和 --key KEY；见 --help</translation>
    </message>
    <message>
        <source>Issue a ticket (取号): the server dispatches it to the counter that will be free soonest.</source>
        <translation>取号：服务器将号分配给最快空闲的窗口。</translation>
    </message>
    <message>
        <source>The service area (default: the hall&apos;s first).</source>
        <translation>服务区（默认为大厅的第一个服务区）。</translation>
    </message>
    <message>
        <source>The matter&apos;s code, when known.</source>
        <translation>事项编码（已知时）。</translation>
    </message>
    <message>
        <source>The bundle&apos;s id, when known.</source>
        <translation>“一件事”套餐标识（已知时）。</translation>
    </message>
    <message>
        <source>A mobile number for the three SMS.</source>
        <translation>接收三条短信的手机号码。</translation>
    </message>
    <message>
        <source>绿色通道: elderly, disabled, pregnant or serving soldier (called first).</source>
        <translation>绿色通道：老年人、残疾人、孕妇或现役军人（优先叫号）。</translation>
    </message>
    <message>
        <source>Ticket %1 (id %2): %3; %4</source>
        <translation>排队号 %1（编号 %2）：%3；%4</translation>
    </message>
    <message>
        <source>any counter of its area</source>
        <translation>本服务区任一窗口</translation>
    </message>
    <message>
        <source>counter %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>the counter, e.g. W05</source>
        <translation>窗口，例如 W05</translation>
    </message>
    <message>
        <source>The staff number of the clerk at the counter.</source>
        <translation>窗口工作人员的工号。</translation>
    </message>
    <message>
        <source>Nobody is waiting for counter %1.</source>
        <translation>%1 号窗口没有等候的人。</translation>
    </message>
    <message>
        <source>Counter %1 calls %2 (id %3), taken from another counter&apos;s line.</source>
        <translation>%1 号窗口呼叫 %2（编号 %3），取自其他窗口的队列。</translation>
    </message>
    <message>
        <source>Counter %1 calls %2 (id %3).</source>
        <translation>%1 号窗口呼叫 %2（编号 %3）。</translation>
    </message>
    <message>
        <source>The hall&apos;s tickets of a day, in the order they were issued.</source>
        <translation>大厅某日的排队号，按取号先后排列。</translation>
    </message>
    <message>
        <source>The day (default: today).</source>
        <translation>日期（默认为今天）。</translation>
    </message>
    <message>
        <source>Only tickets still waiting, called or being served.</source>
        <translation>只列出仍在等候、已叫号或正在办理的号。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>wait (min)</source>
        <translation>等候（分钟）</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>共 %n 个号</numerusform>
        </translation>
    </message>
    <message>
        <source>The day&apos;s figures: waiting and service times, per counter and per hour, share served within the target wait, no-shows.</source>
        <translation>当日统计：等候与办理时长，按窗口和按小时，在目标等候时间内办理的比例，过号数。</translation>
    </message>
    <message>
        <source>Queue figures of %1 (target wait %2 minutes)</source>
        <translation>%1 排队统计（目标等候 %2 分钟）</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>served</source>
        <translation>已办理</translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>avg wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>p90 wait</source>
        <translation>90%等候</translation>
    </message>
    <message>
        <source>in target</source>
        <translation>达标比例</translation>
    </message>
    <message>
        <source>avg service</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>all</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Book an appointment (预约): on arrival it becomes a ticket called before walk-ins inside its window.</source>
        <translation>预约：到场后转为排队号，在预约时段内先于现场取号叫号。</translation>
    </message>
    <message>
        <source>The matter&apos;s code.</source>
        <translation>事项编码。</translation>
    </message>
    <message>
        <source>Start of the window, e.g. 2026-03-02T09:00 (local time).</source>
        <translation>预约时段开始，例如 2026-03-02T09:00（本地时间）。</translation>
    </message>
    <message>
        <source>End of the window.</source>
        <translation>预约时段结束。</translation>
    </message>
    <message>
        <source>The booking system&apos;s own reference (12345, online booking).</source>
        <translation>预约系统自己的编号（12345 热线、网上预约）。</translation>
    </message>
    <message>
        <source>queue appoint needs --matter CODE and a window --from TIME --to TIME (ISO 8601, the end after the start); see --help</source>
        <translation>queue appoint 需要 --matter CODE 和预约时段 --from TIME --to TIME（ISO 8601，结束晚于开始）；见 --help</translation>
    </message>
    <message>
        <source>Appointment %1 booked for %2.</source>
        <translation>已预约 %2，预约编号 %1。</translation>
    </message>
    <message>
        <source>The hall&apos;s accounts could not be fetched yet (%1); the sync brings them, or run onewindow-cli account pull.</source>
        <translation>暂未能获取本厅账号（%1）；同步会随后带来，也可运行 onewindow-cli account pull。</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) of the hall fetched.</source>
        <translation>
            <numerusform>已获取本厅账号 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The hall&apos;s code (8 digits), for a list made here.</source>
        <translation>大厅编码（8位数字），在本机生成清单时使用。</translation>
    </message>
    <message>
        <source>The counter&apos;s number (0–99), for a list made here.</source>
        <translation>窗口编号（0–99），在本机生成清单时使用。</translation>
    </message>
    <message>
        <source>The staff number of the clerk who makes or receives the list.</source>
        <translation>制作或接收清单的工作人员工号。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli transfer slots|list|print|confirm|pending [--data-dir DIR] ... (--help for each)
</source>
        <translation>用法：onewindow-cli transfer slots|list|print|confirm|pending [--data-dir DIR] ...（各子命令可加 --help）
</translation>
    </message>
    <message>
        <source>unknown transfer command &apos;%1&apos;</source>
        <translation>未知的 transfer 子命令“%1”</translation>
    </message>
    <message>
        <source>--counter takes a number from 0 to 99, not %1</source>
        <translation>--counter 应为 0 至 99 的数字，而不是 %1</translation>
    </message>
    <message>
        <source>The hall&apos;s handover slots (交接时段): the times the counter&apos;s paper goes to the departments, and the end of the day after which an unconfirmed list is reported.</source>
        <translation>大厅的交接时段：窗口纸质材料移交各部门的时间，以及当日截止时间（截止后仍未确认的清单将报送值班负责人）。</translation>
    </message>
    <message>
        <source>Handover slots: %1
Day ends: %2
</source>
        <translation>交接时段：%1
当日截止：%2
</translation>
    </message>
    <message>
        <source>The transfer lists made on a day (default: today), with their folders.</source>
        <translation>某日（默认今日）生成的移交清单及其案卷。</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation>日期，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>--date takes YYYY-MM-DD, not %1</source>
        <translation>--date 应为 YYYY-MM-DD 格式，而不是 %1</translation>
    </message>
    <message>
        <source>No transfer list on %1.
</source>
        <translation>%1 没有移交清单。
</translation>
    </message>
    <message>
        <source>%1  %2  %3 folders, %4 pages  %5
</source>
        <translation>%1  %2  案卷%3件，%4页  %5
</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认接收</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认接收</translation>
    </message>
    <message>
        <source>Put a department&apos;s waiting paper on the list of the current handover slot (or take an existing list by its id) and write the list and its folder labels as PDF into --out.</source>
        <translation>将某部门待移交的纸质材料列入当前交接时段的清单（或按清单编号取已有清单），并将清单及案卷标签以 PDF 写入 --out 目录。</translation>
    </message>
    <message>
        <source>A department&apos;s id, or a transfer list&apos;s id or QR text.</source>
        <translation>部门标识，或移交清单编号、清单二维码内容。</translation>
    </message>
    <message>
        <source>The folder to write into.</source>
        <translation>写入的目录。</translation>
    </message>
    <message>
        <source>The hall&apos;s settings file.</source>
        <translation>大厅设置文件。</translation>
    </message>
    <message>
        <source>transfer print needs --out DIR; see --help</source>
        <translation>transfer print 需要 --out DIR；参见 --help</translation>
    </message>
    <message>
        <source>Transfer list %1: %2 folders for %3.
</source>
        <translation>移交清单 %1：移交%3案卷%2件。
</translation>
    </message>
    <message>
        <source>The receiver confirms a transfer list with the folders handed over (each folder label&apos;s scan): the folders on it become transferred, a missing or extra folder is flagged (exit 1).</source>
        <translation>接收人按实际交来的案卷（逐件扫描案卷标签）确认移交清单：清单上的案卷转为已移交，缺少或多出的案卷予以标记（退出码为 1）。</translation>
    </message>
    <message>
        <source>The transfer list&apos;s id or the text of its QR code.</source>
        <translation>移交清单编号或其二维码内容。</translation>
    </message>
    <message>
        <source>What the scanner read from a folder label (repeat per folder).</source>
        <translation>扫码枪从案卷标签读取的内容（每件案卷一次）。</translation>
    </message>
    <message>
        <source>transfer confirm needs --clerk STAFF_NUMBER; see --help</source>
        <translation>transfer confirm 需要 --clerk 工号；参见 --help</translation>
    </message>
    <message>
        <source>Received: %1 folders
</source>
        <translation>已接收：案卷%1件
</translation>
    </message>
    <message>
        <source>Missing: %1
</source>
        <translation>缺少：%1
</translation>
    </message>
    <message>
        <source>Extra: %1
</source>
        <translation>多出：%1
</translation>
    </message>
    <message>
        <source>The transfer lists not confirmed although their day is over (for the supervisor); any exits 1.</source>
        <translation>当日已过仍未确认接收的移交清单（供值班负责人查看）；有则退出码为 1。</translation>
    </message>
    <message>
        <source>How many days back to look (default 14).</source>
        <translation>向前查看的天数（默认 14）。</translation>
    </message>
    <message>
        <source>--days takes a number from 1 to 366, not %1</source>
        <translation>--days 应为 1 至 366 的数字，而不是 %1</translation>
    </message>
    <message>
        <source>No transfer list is waiting for confirmation.
</source>
        <translation>没有等待确认接收的移交清单。
</translation>
    </message>
    <message>
        <source>%1  %2  %3 folders, made by %4
</source>
        <translation>%1  %2  案卷%3件，制表人 %4
</translation>
    </message>
    <message>
        <source>Issue a key for a hall&apos;s supervisors: its warnings, follow-ups and figures (onewindow-cli supervision).</source>
        <translation>为大厅的电子监察人员签发密钥：可查看该大厅的预警、差评整改和统计（onewindow-cli supervision）。</translation>
    </message>
    <message>
        <source>Who holds the key (a supervisor or their office).</source>
        <translation>密钥持有人（监察人员或其科室）。</translation>
    </message>
    <message>
        <source>outcome reached: %1</source>
        <translation>问答已得出筛查结论：%1</translation>
    </message>
    <message>
        <source>no application needed: %1</source>
        <translation>无需办理：%1</translation>
    </message>
    <message>
        <source>apply instead for: %1 %2</source>
        <translation>请办理：%1 %2</translation>
    </message>
    <message>
        <source>continue with: %1</source>
        <translation>继续办理：%1</translation>
    </message>
    <message>
        <source>no checklist: a case cannot be accepted on an outcome</source>
        <translation>无材料清单：筛查结论不能作为受理依据</translation>
    </message>
    <message>
        <source>for: %1</source>
        <translation>用于：%1</translation>
    </message>
    <message>
        <source>bundle &apos;%1&apos; has no matter &apos;%2&apos;</source>
        <translation>一件事“%1”不包含事项“%2”</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is asked by several matters of the bundle (%2); write MATTER:%1=VALUE</source>
        <translation>一件事中有多个事项提出问题“%1”（%2）；请写 事项:%1=值</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; of matter %2 is answered by the bundle itself; leave it out</source>
        <translation>事项 %2 的问题“%1”已由一件事预先回答，请勿再给出</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; of matter %2 is answered twice; give one --answer per question</source>
        <translation>事项 %2 的问题“%1”回答了两次；每个问题只给一个 --answer</translation>
    </message>
    <message>
        <source>bundle %1 %2</source>
        <translation>一件事 %1 %2</translation>
    </message>
    <message>
        <source>answered by the bundle: %1=%2</source>
        <translation>由一件事预先回答：%1=%2</translation>
    </message>
    <message>
        <source>every matter of the bundle reached its situation</source>
        <translation>一件事的各事项均已确定办事情形</translation>
    </message>
    <message>
        <source>questions are still open</source>
        <translation>仍有问题未回答</translation>
    </message>
    <message>
        <source>no bundle with id %1</source>
        <translation>没有标识为 %1 的一件事</translation>
    </message>
    <message>
        <source>The matter&apos;s code (this or --bundle).</source>
        <translation>事项编码（与 --bundle 二选一）。</translation>
    </message>
    <message>
        <source>A bundle&apos;s id: its matters as the workstation asks them, and the merged checklist.</source>
        <translation>一件事套餐的标识：按受理工作台的方式询问其中各事项，并给出合并后的材料清单。</translation>
    </message>
    <message>
        <source>An answer: QUESTION=OPTION, QUESTION=a+b (multi choice; none for no option), QUESTION=150 (number, within its min and max). One per question; repeat for more. In a bundle, MATTER:QUESTION=... names the matter.</source>
        <translation>一个回答：问题=选项，问题=a+b（多选；不选任何选项写 none），问题=150（数值，须在其最小值和最大值之间）。每个问题一个，可重复给出多个。一件事中用 事项:问题=… 指明事项。</translation>
    </message>
    <message>
        <source>give either --matter CODE or --bundle ID</source>
        <translation>请给出 --matter 编码 或 --bundle 标识，二选一</translation>
    </message>
    <message>
        <source>question &apos;%1&apos; is answered twice; give one --answer per question</source>
        <translation>问题“%1”回答了两次；每个问题只给一个 --answer</translation>
    </message>
    <message>
        <source>A supervisor key of the hall (onewindow-cli server supervisor-key).</source>
        <translation>本大厅的监察密钥（onewindow-cli server supervisor-key）。</translation>
    </message>
    <message>
        <source>unknown supervision command &apos;%1&apos;</source>
        <translation>未知的监察命令“%1”</translation>
    </message>
    <message>
        <source>supervision %1 needs --server URL and --key KEY; see --help</source>
        <translation>supervision %1 需要 --server URL 和 --key KEY，详见 --help</translation>
    </message>
    <message>
        <source>The hall&apos;s warnings (预警), red first: each with its case, matter, stage, the department or clerk who answers for it and since when. Without --day: today&apos;s, recorded in the server&apos;s history.</source>
        <translation>本大厅的预警，红色在前：列出办件、事项、环节、责任部门或责任人及预警起始日期。不加 --day 时为当日预警，并记入服务器的预警记录。</translation>
    </message>
    <message>
        <source>The warnings as they stood at the end of this day (YYYY-MM-DD).</source>
        <translation>该日（YYYY-MM-DD）终了时的预警。</translation>
    </message>
    <message>
        <source>Only this department&apos;s (its id).</source>
        <translation>仅列该部门的预警（部门编号）。</translation>
    </message>
    <message>
        <source>The recorded history instead: opened and closed.</source>
        <translation>改为列出预警记录：发出与解除。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解除</translation>
    </message>
    <message numerus="yes">
        <source>Hall %1, %2: %n warning(s)</source>
        <translation>
            <numerusform>大厅 %1，%2：预警 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Per matter: the volume of cases and its frequency class (高 top 100, 中 101–400, 低 the rest).</source>
        <translation>按事项统计：办件量及其频次等级（高频为前 100 位，中频为第 101–400 位，其余为低频）。</translation>
    </message>
    <message>
        <source>Cases decided on or after this day (YYYY-MM-DD).</source>
        <translation>统计该日（YYYY-MM-DD）及以后作出窗口决定的办件。</translation>
    </message>
    <message>
        <source>Cases decided on or before this day (YYYY-MM-DD).</source>
        <translation>统计该日（YYYY-MM-DD）及以前作出窗口决定的办件。</translation>
    </message>
    <message>
        <source>Bad-rating follow-ups (差评整改): without ACTION, every item with its deadlines; contact ID records who called the applicant back and what was agreed; close ID closes it with how it was fixed.</source>
        <translation>差评整改：不加操作时列出全部事项及其时限；contact ID 记录回访人及商定事项；close ID 填写整改情况并办结。</translation>
    </message>
    <message>
        <source>list (default), contact or close</source>
        <translation>list（默认）、contact 或 close</translation>
    </message>
    <message>
        <source>The item&apos;s id (contact and close).</source>
        <translation>整改事项编号（contact 和 close 时）。</translation>
    </message>
    <message>
        <source>Who called or closes (a name).</source>
        <translation>回访人或办结人（姓名）。</translation>
    </message>
    <message>
        <source>contact: what was agreed with the applicant.</source>
        <translation>contact：与申请人商定的事项。</translation>
    </message>
    <message>
        <source>close: how it was fixed.</source>
        <translation>close：整改情况。</translation>
    </message>
    <message>
        <source>list: only the items not closed.</source>
        <translation>list：仅列未办结的事项。</translation>
    </message>
    <message>
        <source>followup %1 takes the item&apos;s id</source>
        <translation>followup %1 需要整改事项编号</translation>
    </message>
    <message>
        <source>recorded the call-back of %1</source>
        <translation>已记录 %1 的回访</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>已办结 %1</translation>
    </message>
    <message>
        <source>followup takes list, contact ID or close ID</source>
        <translation>followup 可用 list、contact ID 或 close ID</translation>
    </message>
    <message>
        <source>%1  rating %2  case %3  %4 (%5)  call back by %6, fix by %7</source>
        <translation>%1  评价 %2 分  办件 %3  %4（%5）  回访时限 %6，整改时限 %7</translation>
    </message>
    <message>
        <source>    called back by %1: %2</source>
        <translation>    回访人 %1：%2</translation>
    </message>
    <message>
        <source>    closed by %1: %2</source>
        <translation>    办结人 %1：%2</translation>
    </message>
    <message>
        <source>Print the 督办单 (supervision notice) of each department with warnings, or of one, as PDF files into a folder.</source>
        <translation>将有预警的各部门（或指定部门）的督办单输出为 PDF 文件到文件夹。</translation>
    </message>
    <message>
        <source>The warnings of this day (default: today&apos;s).</source>
        <translation>该日的预警（默认当日）。</translation>
    </message>
    <message>
        <source>Only this department&apos;s notice (its id).</source>
        <translation>仅输出该部门的督办单（部门编号）。</translation>
    </message>
    <message>
        <source>The folder the PDF files go into.</source>
        <translation>PDF 文件存放的文件夹。</translation>
    </message>
    <message>
        <source>supervision notice needs --out DIR</source>
        <translation>supervision notice 需要 --out DIR</translation>
    </message>
    <message>
        <source>No warnings on %1: no notice to print.</source>
        <translation>%1 没有预警，无需输出督办单。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n warning(s) → %2</source>
        <translation>
            <numerusform>%1：预警 %n 条 → %2</numerusform>
        </translation>
    </message>
    <message>
        <source>This bundle instead of the matters: every combination of its matters&apos; situations, with the merged checklist and the matters each line serves.</source>
        <translation>列出该一件事而非各事项：其各事项情形的每种组合，附合并后的材料清单及每项材料所服务的事项。</translation>
    </message>
    <message>
        <source>Every bundle instead of the matters.</source>
        <translation>列出全部一件事而非各事项。</translation>
    </message>
    <message>
        <source>give one of --matter, --bundle and --bundles</source>
        <translation>--matter、--bundle 和 --bundles 只能给出一个</translation>
    </message>
    <message>
        <source>List every situation of every matter with its checklist, or the screening outcome it ends in, in a fixed order (the golden output of a release).</source>
        <translation>按固定顺序列出每个事项的每种办事情形及其材料清单，或该情形得出的筛查结论（版本发布的基准输出）。</translation>
    </message>
    <message>
        <source>Answer a matter&apos;s questions and show what the clerk sees: the questions asked, the next one, and the checklist with reasons, or the screening outcome (no application needed, or another matter to apply for) that ends the walk.</source>
        <translation>回答事项的情形问题，显示窗口人员看到的内容：已问的问题、下一个问题和附理由的材料清单，或结束问答的筛查结论（无需办理，或请办理其他事项）。</translation>
    </message>
    <message>
        <source>Call the next ticket (叫号) at a counter; the counter must be open with the clerk logged in, and --key must be that counter&apos;s workstation key.</source>
        <translation>为窗口呼叫下一位（叫号）；该窗口须已开窗且工作人员已登录，--key 须为该窗口工作站的密钥。</translation>
    </message>
    <message numerus="yes">
        <source>Submitted version %1 as submission %2: %n review item(s)</source>
        <translation>
            <numerusform>已提交版本 %1，提交编号 %2：共 %n 个评审项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n situation(s) to walk at the counters.</source>
        <translation>
            <numerusform>，%n 个办事情形待窗口模拟受理。</numerusform>
        </translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>case taken in</source>
        <translation>受理办件</translation>
    </message>
    <message>
        <source>consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>practice passed</source>
        <translation>练习通过</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>监察更正</translation>
    </message>
    <message>
        <source>The clerks&apos; points (积分) of a month, most first, with each clerk&apos;s grade (考级, 1–5) and the matters the clerk is qualified for; with --clerk, every item that makes the clerk&apos;s total and what earned it.</source>
        <translation>某月工作人员积分排名（从高到低），含每人的考级等级（1–5 级）和熟练掌握的事项数；加 --clerk 时列出构成该工作人员总分的每一条积分及其来源。</translation>
    </message>
    <message>
        <source>The month (YYYY-MM; default: this month).</source>
        <translation>月份（YYYY-MM；默认本月）。</translation>
    </message>
    <message>
        <source>One clerk&apos;s items (the staff number).</source>
        <translation>只看一名工作人员的积分明细（工号）。</translation>
    </message>
    <message>
        <source>%1 %2, %3: %4 points, grade %5, qualified for %6 matter(s)</source>
        <translation>%1 %2，%3：%4 分，%5 级，熟练掌握 %6 个事项</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>更正人：%1</translation>
    </message>
    <message>
        <source>Hall %1, %2: points and grades</source>
        <translation>大厅 %1，%2：积分与考级</translation>
    </message>
    <message>
        <source>%1. %2 %3: %4 points, grade %5, qualified for %6 matter(s)</source>
        <translation>%1. %2 %3：%4 分，%5 级，熟练掌握 %6 个事项</translation>
    </message>
    <message>
        <source>Correct a clerk&apos;s points: recorded as a correction with its reason among the clerk&apos;s items, never as a change of what was earned.</source>
        <translation>更正工作人员积分：作为一条附带理由的更正记入其积分明细，已获得的积分不作修改。</translation>
    </message>
    <message>
        <source>The clerk (the staff number).</source>
        <translation>工作人员（工号）。</translation>
    </message>
    <message>
        <source>Points to add (negative to take away), not 0.</source>
        <translation>增加的分数（负数为扣分），不得为 0。</translation>
    </message>
    <message>
        <source>Why (required).</source>
        <translation>更正理由（必填）。</translation>
    </message>
    <message>
        <source>Who corrects (default: the user running the command).</source>
        <translation>更正人（默认：运行本命令的用户）。</translation>
    </message>
    <message>
        <source>The month it counts in (YYYY-MM; default: this month).</source>
        <translation>计入的月份（YYYY-MM；默认本月）。</translation>
    </message>
    <message>
        <source>supervision correct-points needs --clerk STAFF, --points N (a whole number) and --reason TEXT</source>
        <translation>supervision correct-points 需要 --clerk 工号、--points N（整数）和 --reason 理由</translation>
    </message>
    <message>
        <source>recorded %1 point(s) for %2 in %3 (%4)</source>
        <translation>已为 %2 在 %3 记入 %1 分（%4）</translation>
    </message>
    <message>
        <source>the catalogue folder (none with --submission)</source>
        <translation>目录文件夹（使用 --submission 时不填）</translation>
    </message>
    <message>
        <source>Publish an accepted submission instead (reviewed 高, walked, signed off), effective on its day.</source>
        <translation>改为发布已通过验收的提交（评审全部为“高”、已模拟受理、已签认），在其生效日生效。</translation>
    </message>
    <message>
        <source>With --submission: another day it takes effect, YYYY-MM-DD.</source>
        <translation>与 --submission 同用：另定生效日期，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>catalogue publish takes DIR, or --submission ID without DIR</source>
        <translation>catalogue publish 需要 DIR，或只用 --submission ID 而不带 DIR</translation>
    </message>
    <message>
        <source>Published version %1; counters use it from %2.</source>
        <translation>已发布版本 %1；各窗口自 %2 起使用。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli catalogue lint|paths|diff|walk|search|quiz ... (--help for each)
</source>
        <translation>用法：onewindow-cli catalogue lint|paths|diff|walk|search|quiz ...（各命令加 --help 查看说明）
</translation>
    </message>
    <message>
        <source>A practice quiz: each question tells a real situation of a matter; type the numbers of the materials the applicant must bring, and the counter&apos;s engine marks the answer with the review points of what was missed. Exit 0 when the quiz passes, 1 when not. --json prints the quiz with its key instead (for a paper exam). Nothing is recorded here.</source>
        <translation>业务练习：每道题给出某一事项的真实办事情形，输入申请人须提交材料的编号，由窗口受理所用的情形引擎评分，并列出漏选材料的审核要点。练习合格退出码为 0，不合格为 1。加 --json 则输出试题及答案（可用于纸质月考）。此处不记录成绩。</translation>
    </message>
    <message>
        <source>Ask about this matter or bundle (repeat; default: the whole catalogue).</source>
        <translation>只出此事项或一件事的题（可重复；默认从整个目录出题）。</translation>
    </message>
    <message>
        <source>Questions in the quiz, 1–100 (default 10).</source>
        <translation>题数，1–100（默认 10）。</translation>
    </message>
    <message>
        <source>Draw the quiz from this number (default: a random one); the same seed, the same quiz.</source>
        <translation>按此随机种子出题（默认随机）；种子相同，试题相同。</translation>
    </message>
    <message>
        <source>The share of the score that passes, in percent (default 80).</source>
        <translation>及格线，占总分的百分比（默认 80）。</translation>
    </message>
    <message>
        <source>--questions takes a number from 1 to 100, not &apos;%1&apos;</source>
        <translation>--questions 须为 1 到 100 的数字，而不是“%1”</translation>
    </message>
    <message>
        <source>--pass-mark takes a percentage from 0 to 100, not &apos;%1&apos;</source>
        <translation>--pass-mark 须为 0 到 100 的百分数，而不是“%1”</translation>
    </message>
    <message>
        <source>--seed takes a whole number, not &apos;%1&apos;</source>
        <translation>--seed 须为整数，而不是“%1”</translation>
    </message>
    <message>
        <source>The input ended: %1 of %2 questions answered.</source>
        <translation>输入已结束：共 %2 题，已答 %1 题。</translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): passed</source>
        <translation>总分 %1 / %2（%3%）：合格</translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): not passed, the pass mark is %4%</source>
        <translation>总分 %1 / %2（%3%）：不合格，及格线为 %4%</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Question %1 of %2: %3 · %4</source>
        <translation>第 %1 题（共 %2 题）：%3 · %4</translation>
    </message>
    <message>
        <source>This matter has one situation: no question splits it.</source>
        <translation>本事项只有一种办事情形，无需询问情形问题。</translation>
    </message>
    <message>
        <source>Materials the applicant must bring (numbers, e.g. 1 3 4): </source>
        <translation>申请人须提交的材料（输入编号，如 1 3 4）：</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of the list; type the numbers again.</source>
        <translation>“%1”不是列表中的编号，请重新输入。</translation>
    </message>
    <message>
        <source>Score %1 / %2: passed</source>
        <translation>得分 %1 / %2：合格</translation>
    </message>
    <message>
        <source>Score %1 / %2: below the pass mark of %3%</source>
        <translation>得分 %1 / %2：未达及格线 %3%</translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation>漏选：%1</translation>
    </message>
    <message>
        <source>not to be brought: %1 (data-shared: the hall fetches it)</source>
        <translation>无需提交：%1（数据共享，由窗口调取）</translation>
    </message>
    <message>
        <source>not to be brought: %1 (not required in this situation)</source>
        <translation>无需提交：%1（此情形下不需要）</translation>
    </message>
    <message>
        <source>Clerk activities waiting: %1; refused: %2</source>
        <translation>待发送的工作人员业务记录：%1；被拒收：%2</translation>
    </message>
    <message>
        <source>Import a department&apos;s material table (CSV or .xlsx, the guide&apos;s columns 序号, 材料名称, 所属情形, 来源渠道, 形式审查要点, 是否容缺, 内容审查要点, 空表, 示例) into one matter of a catalogue folder: materials reused by standard name or created, one requirement per row. All or nothing: a row that cannot be mapped is listed with its reason and nothing is written; the folder must lint without errors afterwards. Exit 1 when nothing could be written.</source>
        <translation>将部门现有的材料清单表（CSV 或 .xlsx，列为指南规定的序号、材料名称、所属情形、来源渠道、形式审查要点、是否容缺、内容审查要点、空表、示例）导入目录文件夹中的一个事项：按标准名称复用材料库中的材料或新建材料，每行生成一条材料要求。全部导入或全不导入：无法对应的行连同原因逐一列出，且不写入任何内容；导入后目录检查不得有错误。未能写入时退出码为 1。</translation>
    </message>
    <message>
        <source>the table, .csv or .xlsx</source>
        <translation>材料清单表，.csv 或 .xlsx</translation>
    </message>
    <message>
        <source>The catalogue folder to import into.</source>
        <translation>导入到的目录文件夹。</translation>
    </message>
    <message>
        <source>The matter whose materials the table lists.</source>
        <translation>清单所列材料所属的事项。</translation>
    </message>
    <message>
        <source>The sheet of an .xlsx workbook (default: the first).</source>
        <translation>.xlsx 工作簿中的工作表（默认：第一张）。</translation>
    </message>
    <message>
        <source>Print the plan and its lint; write nothing.</source>
        <translation>只列出导入方案及其检查结果，不写入任何内容。</translation>
    </message>
    <message>
        <source>catalogue import-table needs --catalogue DIR and --matter CODE</source>
        <translation>catalogue import-table 需要 --catalogue DIR 和 --matter CODE</translation>
    </message>
    <message>
        <source>the catalogue in %1 has errors (see catalogue lint); correct them before importing</source>
        <translation>%1 中的目录有错误（见 catalogue lint），请先改正再导入</translation>
    </message>
    <message>
        <source>the catalogue has no matter %1</source>
        <translation>目录中没有事项 %1</translation>
    </message>
    <message>
        <source>table %1: header on row %2, %3 rows under it</source>
        <translation>清单 %1：表头在第%2行，其下共%3行</translation>
    </message>
    <message>
        <source>columns ignored: %1</source>
        <translation>未读取的列：%1</translation>
    </message>
    <message>
        <source>matter %1</source>
        <translation>事项 %1</translation>
    </message>
    <message>
        <source>materials created: %1</source>
        <translation>新建材料：%1</translation>
    </message>
    <message>
        <source>materials reused from the library: %1</source>
        <translation>复用材料库中的材料：%1</translation>
    </message>
    <message>
        <source>requirements added: %1</source>
        <translation>新增材料要求：%1</translation>
    </message>
    <message>
        <source>note, row %1: %2</source>
        <translation>说明，第%1行：%2</translation>
    </message>
    <message>
        <source>rows refused: %1</source>
        <translation>无法导入的行：%1</translation>
    </message>
    <message>
        <source>Nothing was written: correct the rows above in the table (or the catalogue) and import again.</source>
        <translation>未写入任何内容：请在清单（或目录）中改正以上各行后重新导入。</translation>
    </message>
    <message>
        <source>The table adds nothing to the matter; nothing was written.</source>
        <translation>清单没有给该事项新增任何内容，未写入。</translation>
    </message>
    <message>
        <source>lint with the import: %1 errors, %2 warnings in the files it writes</source>
        <translation>导入后的检查：所写文件中错误 %1 个，警告 %2 个</translation>
    </message>
    <message>
        <source>Nothing was written: the catalogue would not lint without errors.</source>
        <translation>未写入任何内容：导入后目录检查会有错误。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written; without --dry-run these files would be written: %1</source>
        <translation>试运行：未写入任何内容；不加 --dry-run 时将写入以下文件：%1</translation>
    </message>
    <message>
        <source>written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>A publisher key (editors, reviewers), a department key (sign-off) or a workstation&apos;s token (acceptance walks).</source>
        <translation>发布密钥（编辑、评审人员）、部门密钥（签认）或工作站令牌（模拟受理）。</translation>
    </message>
    <message>
        <source>catalogue %1 needs --server URL and --key KEY; see --help</source>
        <translation>catalogue %1 需要 --server URL 和 --key KEY；见 --help</translation>
    </message>
    <message>
        <source>Submission %1: version %2 (%3, effective %4), %5</source>
        <translation>提交 %1：版本 %2（%3，%4 生效），%5</translation>
    </message>
    <message>
        <source>walked at %1 of %2 counters</source>
        <translation>已在 %1/%2 个窗口模拟受理</translation>
    </message>
    <message>
        <source>signed off by %1</source>
        <translation>%1 已签认</translation>
    </message>
    <message>
        <source>to sign off: %1</source>
        <translation>待签认：%1</translation>
    </message>
    <message>
        <source>objection (%1) %2: %3 — %4</source>
        <translation>异议（%1）%2：%3 — %4</translation>
    </message>
    <message>
        <source>Submit a catalogue folder for business review: linted here first, then the server splits it into review items (every matter, material, bundle and situation changed against the current version).</source>
        <translation>提交目录文件夹进行业务评审：先在本机检查，再由服务器拆分为评审项（与现行版本相比有变化的每个事项、材料、一件事和办事情形）。</translation>
    </message>
    <message>
        <source>Why it changes: 立, 改, 废 or 释.</source>
        <translation>调整原因：立、改、废或释。</translation>
    </message>
    <message>
        <source>The day counters switch to it, YYYY-MM-DD (default: today).</source>
        <translation>各窗口切换到该版本的日期，格式 YYYY-MM-DD（默认今天）。</translation>
    </message>
    <message>
        <source>What changed and on what basis.</source>
        <translation>调整内容及依据。</translation>
    </message>
    <message>
        <source>Who edited it (default: the key&apos;s holder).</source>
        <translation>编辑人（默认为密钥持有人）。</translation>
    </message>
    <message>
        <source>The returned submission this one answers.</source>
        <translation>本次提交所对应的已退回提交。</translation>
    </message>
    <message>
        <source>The catalogue has errors; nothing was submitted.</source>
        <translation>目录有错误，未提交任何内容。</translation>
    </message>
    <message>
        <source>Every submission, or one with its items, grades, walks and sign-offs.</source>
        <translation>列出全部提交，或显示一次提交的评审项、评审结果、模拟受理和签认情况。</translation>
    </message>
    <message>
        <source>a submission (default: list them all)</source>
        <translation>提交编号（默认列出全部）</translation>
    </message>
    <message>
        <source>Grade review items of a submission 高, 中 or 低 (中 and 低 need a comment). When every item is graded the submission is reviewed (all 高) or returned to its editor.</source>
        <translation>对提交的评审项评定高、中或低（中、低须填写意见）。全部评定后，全部为“高”的通过业务评审，否则退回编辑人。</translation>
    </message>
    <message>
        <source>the submission</source>
        <translation>提交编号</translation>
    </message>
    <message>
        <source>An item to grade (repeat for more).</source>
        <translation>要评定的评审项（可重复）。</translation>
    </message>
    <message>
        <source>Every item not graded yet.</source>
        <translation>所有尚未评定的评审项。</translation>
    </message>
    <message>
        <source>高, 中 or 低.</source>
        <translation>高、中或低。</translation>
    </message>
    <message>
        <source>What to improve (needed for 中 and 低).</source>
        <translation>需改进之处（中、低必填）。</translation>
    </message>
    <message>
        <source>Who reviewed.</source>
        <translation>评审人。</translation>
    </message>
    <message>
        <source>catalogue review needs --item ITEM or --rest</source>
        <translation>catalogue review 需要 --item ITEM 或 --rest</translation>
    </message>
    <message>
        <source>The changed situations this counter may walk (模拟受理); the key is the counter&apos;s workstation token.</source>
        <translation>本窗口可进行模拟受理的有变化的办事情形；密钥为本窗口工作站的令牌。</translation>
    </message>
    <message>
        <source>Record that this counter walked a changed situation of a submission, with or without objection; the key is the counter&apos;s workstation token.</source>
        <translation>记录本窗口对提交中一个有变化的办事情形完成了模拟受理，有无异议；密钥为本窗口工作站的令牌。</translation>
    </message>
    <message>
        <source>The situation walked: MATTER/KEY as pending-walks lists it.</source>
        <translation>模拟受理的办事情形：按 pending-walks 所列的 事项/情形键。</translation>
    </message>
    <message>
        <source>The clerk who walked it (staff number).</source>
        <translation>进行模拟受理的受理人员（工号）。</translation>
    </message>
    <message>
        <source>What is wrong; an objection returns the submission to its editor.</source>
        <translation>存在的问题；提出异议即退回编辑人。</translation>
    </message>
    <message>
        <source>The department&apos;s back office signs off a walked submission, or objects; the key is the department&apos;s.</source>
        <translation>部门后台审批人员对已完成模拟受理的提交签认或提出异议；密钥为该部门的密钥。</translation>
    </message>
    <message>
        <source>Who signs for the department.</source>
        <translation>代表部门签认的人员。</translation>
    </message>
    <message>
        <source>Make an earlier published version current again: a new publication with its reason, the history kept.</source>
        <translation>重新启用一个此前发布过的版本：作为一次新的发布记录并写明原因，历史记录保留。</translation>
    </message>
    <message>
        <source>the version to make current</source>
        <translation>要重新启用的版本</translation>
    </message>
    <message>
        <source>Why: 立, 改, 废 or 释.</source>
        <translation>原因：立、改、废或释。</translation>
    </message>
    <message>
        <source>What happened.</source>
        <translation>情况说明。</translation>
    </message>
    <message>
        <source>The day counters switch back, YYYY-MM-DD (default: today).</source>
        <translation>各窗口切换回该版本的日期，格式 YYYY-MM-DD（默认今天）。</translation>
    </message>
    <message>
        <source>Version %1 is current again from %2.</source>
        <translation>版本 %1 自 %2 起重新启用。</translation>
    </message>
    <message>
        <source>Lock a matter while an editor edits it (it expires by itself), release it, or list the locks held.</source>
        <translation>编辑人编辑事项时将其锁定（到期自动解除），或解除锁定，或列出现有锁定。</translation>
    </message>
    <message>
        <source>the matter&apos;s code (none with --list)</source>
        <translation>事项编码（使用 --list 时不填）</translation>
    </message>
    <message>
        <source>Who edits it.</source>
        <translation>编辑人。</translation>
    </message>
    <message>
        <source>How long the lock lasts (default 120).</source>
        <translation>锁定时长，单位分钟（默认 120）。</translation>
    </message>
    <message>
        <source>Release the editor&apos;s lock instead.</source>
        <translation>改为解除该编辑人的锁定。</translation>
    </message>
    <message>
        <source>List the locks held.</source>
        <translation>列出现有锁定。</translation>
    </message>
    <message>
        <source>catalogue lock needs MATTER and --editor NAME, or --list</source>
        <translation>catalogue lock 需要 MATTER 和 --editor NAME，或 --list</translation>
    </message>
    <message>
        <source>Released matter %1.</source>
        <translation>已解除事项 %1 的锁定。</translation>
    </message>
    <message>
        <source>Matter %1 is locked for %2 until %3.</source>
        <translation>事项 %1 已由 %2 锁定，至 %3。</translation>
    </message>
    <message>
        <source>Every publication: version, effective day, reason, who, rollbacks.</source>
        <translation>全部发布记录：版本、生效日期、原因、发布人、回退情况。</translation>
    </message>
    <message>
        <source> (rollback)</source>
        <translation>（回退）</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <source>row %1, %2: %3</source>
        <translation>第%1行，%2：%3</translation>
    </message>
    <message>
        <source>From this day (YYYY-MM-DD).</source>
        <translation>自该日起（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Up to this day, included (YYYY-MM-DD).</source>
        <translation>截至该日，含当日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Only this case&apos;s.</source>
        <translation>仅列该办件的操作。</translation>
    </message>
    <message>
        <source>Write every row to this CSV file (recorded as an export).</source>
        <translation>将全部记录写入该 CSV 文件（记为一次导出）。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 row(s) written to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
    <message>
        <source>Hall %1: %2 department action(s)</source>
        <translation>大厅 %1：部门操作 %2 条</translation>
    </message>
    <message>
        <source>Its editor takes a submission back before it is published: it is withdrawn, nothing more is walked or signed for it, and the editor&apos;s locks on its matters are released.</source>
        <translation>由编辑人员在发布前撤回提交：提交改为已撤回，不再对其进行模拟受理或签核，并释放该编辑人员对其中事项的编辑锁定。</translation>
    </message>
    <message>
        <source>The editor who submitted it (with a publisher key).</source>
        <translation>提交该版本的编辑人员（使用发布密钥时填写）。</translation>
    </message>
    <message>
        <source>Chain verified: all %1 row(s) are as they were written.</source>
        <translation>链校验通过：全部 %1 条记录均与写入时一致。</translation>
    </message>
    <message>
        <source>Chain BROKEN from row %1: %2 Rows from it on cannot be trusted.</source>
        <translation>第 %1 行起链已断开：%2 自该行起的记录不可采信。</translation>
    </message>
    <message>
        <source>What departments did through the server with their keys (status reports, transfer lists confirmed, pre-application reviews, catalogue sign-offs), oldest first, with the check of the log&apos;s hash chain. The server records who looked and with which filter.</source>
        <translation>各部门用其密钥通过服务器所做的操作（状态报告、移交清单确认、网上预审、目录签认），按时间先后列出，并附日志哈希链校验结果。服务器记录查阅人及筛选条件。</translation>
    </message>
    <message>
        <source>Only check the log&apos;s hash chain on the server; exit 1 when a row was changed or removed.</source>
        <translation>只在服务器上校验日志的哈希链；有记录被改动或删除时退出码为 1。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>操作类别</translation>
    </message>
    <message>
        <source>Case or item</source>
        <translation>办件或对象</translation>
    </message>
    <message>
        <source>catalogue item maintained</source>
        <translation>目录维护</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli server enrol-code|department-key|publisher-key|supervisor-key|revoke|list-credentials|conflicts|counters|department-endpoint|deliveries|check ... (--help for each)
</source>
        <translation>用法：onewindow-cli server enrol-code|department-key|publisher-key|supervisor-key|revoke|list-credentials|conflicts|counters|department-endpoint|deliveries|check ...（各子命令均可加 --help）
</translation>
    </message>
    <message>
        <source>Register where a department&apos;s own system takes the server&apos;s pushes of its accepted and supplemented cases (signed; docs/sync-protocol.md). The signing secret prints once, at the first registration or with --new-secret. Without --url: the endpoints registered.</source>
        <translation>登记部门业务系统接收服务器推送的地址：该部门已受理和已补齐补正的办件将签名推送至此（见 docs/sync-protocol.md）。签名密钥仅在首次登记或使用 --new-secret 时显示一次。不带 --url 时列出已登记的地址。</translation>
    </message>
    <message>
        <source>The department id of the catalogue.</source>
        <translation>事项目录中的部门编号。</translation>
    </message>
    <message>
        <source>The endpoint&apos;s address (http or https).</source>
        <translation>接收地址（http 或 https）。</translation>
    </message>
    <message>
        <source>Pause the pushes (they queue and wait until --enable).</source>
        <translation>暂停推送（推送排队等待，直至 --enable）。</translation>
    </message>
    <message>
        <source>Resume the pushes.</source>
        <translation>恢复推送。</translation>
    </message>
    <message>
        <source>Make a new signing secret (the old one stops working at once).</source>
        <translation>生成新的签名密钥（旧密钥立即失效）。</translation>
    </message>
    <message>
        <source>Department %1 has no endpoint.</source>
        <translation>部门 %1 未登记接收地址。</translation>
    </message>
    <message>
        <source>Pushes to %1 resumed.</source>
        <translation>已恢复向 %1 推送。</translation>
    </message>
    <message>
        <source>Pushes to %1 paused.</source>
        <translation>已暂停向 %1 推送。</translation>
    </message>
    <message>
        <source>Cases of %1 are pushed to %2.</source>
        <translation>%1 的办件将推送至 %2。</translation>
    </message>
    <message>
        <source>Signing secret (shown once; give it to the department&apos;s system): %1</source>
        <translation>签名密钥（仅显示一次，请交给部门业务系统）：%1</translation>
    </message>
    <message>
        <source>  (paused)</source>
        <translation>  （已暂停）</translation>
    </message>
    <message>
        <source>List the pushes to department systems, newest first: pending, delivered or dead (never taken after the attempts or the age the server allows). --resend puts a dead one back in line.</source>
        <translation>列出向部门业务系统的推送，最新的在前：待推送、已送达或推送失败（在服务器允许的次数或时限内始终未被接收）。--resend 将推送失败的一条重新排队。</translation>
    </message>
    <message>
        <source>Only the dead letters.</source>
        <translation>只列推送失败的。</translation>
    </message>
    <message>
        <source>Send this dead delivery again.</source>
        <translation>重新推送这条推送失败的记录。</translation>
    </message>
    <message>
        <source>There is no dead delivery %1.</source>
        <translation>没有推送失败的记录 %1。</translation>
    </message>
    <message>
        <source>Delivery %1 is back in line.</source>
        <translation>推送 %1 已重新排队。</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Correction notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Ratings 5/4/3/2/1</source>
        <translation>评价 5/4/3/2/1</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Call to receipt (min)</source>
        <translation>叫号至受理（分钟）</translation>
    </message>
    <message>
        <source>No clerk decided a case in the period.</source>
        <translation>该期间没有窗口人员作出决定的办件。</translation>
    </message>
    <message>
        <source>Shares are of the cases decided at the counter; — where nothing was recorded or no case came with a called ticket.</source>
        <translation>占比按窗口作出决定的办件计算；“—”表示未记录，或没有办件来自已叫号的号票。</translation>
    </message>
    <message>
        <source>The questions the hall&apos;s counters recorded with the answers given, grouped per matter (spaces, punctuation, full or half width and a final 吗 or 呢 ignored; wordings sharing at least 60% of their character pairs taken as one), most asked first: each a proposal for the matter&apos;s FAQ, marked where the published catalogue has it already. The key is a supervisor key or a catalogue editor&apos;s session.</source>
        <translation>本大厅各窗口记录的咨询问题及答复，按事项归并（不计空格、标点、全角半角及句末的“吗”“呢”；相邻两字组合重合 60% 以上的问法视为同一问题），按被问次数从多到少排列：每条都是该事项常见问题的建议，已发布目录中已有的会标出。密钥为监察密钥或目录编辑人员的登录会话。</translation>
    </message>
    <message>
        <source>Questions recorded on or after this day (YYYY-MM-DD; default: the last 90 days).</source>
        <translation>统计该日（含）以后记录的问题（YYYY-MM-DD；默认：最近 90 天）。</translation>
    </message>
    <message>
        <source>Only questions asked at least this often (default: 3).</source>
        <translation>只列被问到不少于此次数的问题（默认：3）。</translation>
    </message>
    <message numerus="yes">
        <source>Hall %1, questions since %2 asked at least %3 times: %n proposal(s)</source>
        <translation>
            <numerusform>大厅 %1，自 %2 起被问到至少 %3 次的问题：共 %n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <source>[already a FAQ]</source>
        <translation>［已在常见问题中］</translation>
    </message>
    <message>
        <source>also asked: %1</source>
        <translation>其他问法：%1</translation>
    </message>
    <message>
        <source>answered: %1</source>
        <translation>曾答复：%1</translation>
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
        <translation>用法：onewindow-cli [--lang zh_CN|en] COMMAND ...

命令：
  catalogue lint DIR             检查事项目录；有错误时退出码为 1
  catalogue paths DIR            每个办事情形及其材料清单
  catalogue diff OLD NEW         逐个办事情形列出变化
  catalogue walk DIR --matter CODE --answer Q=OPT ...
                                 按给定答案显示情形问题和材料清单
  catalogue search DIR QUERY     按名称、编码或拼音查找事项
  catalogue import-table FILE --catalogue DIR --matter CODE [--dry-run]
                                 将部门的材料表（CSV、.xlsx）导入一个事项
  idcard decode FILE             将录制的身份证读卡器数据帧解码为 JSON
  idcard read --port PORT | --usb [--timeout S]
                                 读取一张身份证并以 JSON 输出
  validate id|uscc|phone VALUE   校验公民身份号码、统一社会信用代码或电话号码；无效时退出码为 1
  calendar add-workdays DATE N   DATE 之后第 N 个工作日的日期
  calendar is-workday DATE       DATE 是否为工作日（考虑节假日和调休周末）
  calendar list YEAR             某年的节假日和调休工作日
  case list [--state S] [--json] 本地数据库中的办件，申请人信息已脱敏
  case show NUMBER               单个办件及其材料和事件记录
  case check-store               没有办件或草稿引用的扫描文件、被引用但缺失的扫描件；有发现时退出码为 1
  audit verify                   检查审计日志的哈希链；发现篡改时退出码为 1
                                 （case 和 audit 可加 --data-dir DIR）
  document sample --out DIR      演示办件的全部打印文书（PDF + 凭条 PNG）
  document render --case NUMBER --kind K --out FILE
                                 已保存办件的一份文书（.pdf，或 .png 凭条）
  document check-settings FILE   按工作台的方式检查大厅设置文件；无效时退出码为 1
  camera list [--all]            Qt 识别到的摄像头及各自将采用的格式
  camera process IN OUT [--no-crop]
                                 按工作台的方式对高拍仪照片进行裁切、纠偏和缩放
  catalogue publish DIR --server URL --key KEY
                                 检查后将事项目录发布到中心服务器
  catalogue submit DIR --reason 立|改|废|释 [--effective DATE] --server URL --key KEY
                                 提交版本进行评审（docs/catalogue-review.md）；之后用
                                 catalogue submission|withdraw|review|pending-walks|accept-walk|
                                 sign-off、publish --submission ID、rollback VERSION、lock MATTER、
                                 publications
  catalogue faq-proposals [--since DATE] [--min N] --server URL --key KEY
                                 窗口记录的高频咨询问题，作为事项常见问题的建议
  case status NUMBER KIND --server URL --key KEY [--reason T]... [--note T]
                                 在服务器上记录部门对办件的办理环节
  sync enrol --server URL --code CODE
                                 将本工作站注册到中心服务器
  sync status                    待发送的事件和扫描件、被拒绝的事件、游标
  sync run [--once]              发送发件箱并拉取本大厅的变更
  sync retry-scan SHA256 | discard-scan SHA256
                                 重新发送一份被搁置的扫描件，或放弃它
                                 （sync 可加 --data-dir DIR）
  server enrol-code --hall H --counter C | department-key --department D | publisher-key --name N
                                 签发中心服务器的凭据；密钥只输出一次
  account add STAFF_NUMBER --name NAME --roles R[,R] [--password-stdin]
                                 新增工作人员；自动生成的密码只输出一次
  account list | disable N | enable N | reset-password N | roles N R[,R] | rename N NAME | unlock N
                                 工作人员账号：本工作站的（--data-dir DIR），或服务器上某大厅的
                                 （--server-data-dir DIR | --database DB，并加 --hall H）
  account pull                   已注册的工作站拉取本大厅的账号（--data-dir DIR）
  server revoke ID | list-credentials
                                 吊销一个凭据；列出凭据（不含密钥）（server 可加 --database DB）
  server check                   完整读取服务器数据库以检查损坏；损坏时退出码为 1
  server counters                各窗口的时钟与服务器时钟之差；相差超过 2 分钟时标出
  server department-endpoint --department D --url URL [--disable] | deliveries [--dead] [--resend ID]
                                 向部门业务系统推送办件（签名）；推送记录、推送失败的记录
  queue issue|call COUNTER|list|stats|appoint --server URL --key KEY
                                 大厅排队叫号：取号、叫号、列出排队、统计数据、预约
  supervision warnings|clerks|matters|followup|notice|points|correct-points|department-log --server URL --key KEY
                                 大厅电子监察：预警、工作人员与事项统计、差评整改、督办单、工作人员积分和等级、部门操作日志
  transfer slots|list|print|confirm|pending
                                 材料移交清单：生成并打印、扫码确认接收、列出逾期未确认的清单

在命令后加 --help 查看其选项；--json 输出机器可读格式。
</translation>
    </message>
    <message>
        <source>The hall&apos;s complaints (投诉): number, who or what each is about (case, clerk, matter), the channel, when received, the deadline (* once overdue), the state and who handles it; then the counts of the supervisor&apos;s desk. Assign, reply and close them at the supervisor&apos;s workstation.</source>
        <translation>本大厅的投诉：编号、投诉对象（办件、工作人员、事项）、渠道、受理时间、办结时限（逾期标 *）、状态和承办人；随后列出监察台的统计数。分派、答复和办结请在监察人员的工作台上办理。</translation>
    </message>
    <message>
        <source>open (the default), overdue, closed or all.</source>
        <translation>open（默认，未办结）、overdue（已逾期）、closed（已办结）或 all（全部）。</translation>
    </message>
    <message>
        <source>No complaint is listed.</source>
        <translation>没有符合条件的投诉。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Open %1, overdue %2. This month: received %3 (counter %4, 12345 hotline %5, online %6), closed %7, on time %8.</source>
        <translation>未办结 %1 件，已逾期 %2 件。本月：受理 %3 件（窗口 %4 件，12345热线 %5 件，网上 %6 件），办结 %7 件，按时办结率 %8。</translation>
    </message>
    <message>
        <source>Usage: onewindow-cli supervision warnings|clerks|matters|followup|notice|points|correct-points|department-log|complaints --server URL --key KEY ... (--help for each)
</source>
        <translation>用法：onewindow-cli supervision warnings|clerks|matters|followup|notice|points|correct-points|department-log|complaints --server URL --key KEY ...（各子命令可加 --help）
</translation>
    </message>
    <message>
        <source>Questions recorded</source>
        <translation>问答记录</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Per clerk: cases decided at the counter, the shares of correction notices and refusals, the ratings 5 to 1 and the share not rated; consultations where recorded, and of them the questions recorded with the answer given; the average minutes from the queue&apos;s call of the ticket to the counter&apos;s decision; the complaints received in the period that name the clerk.</source>
        <translation>按人员统计：窗口作出受理决定的办件数，补正告知和不予受理的占比，5 至 1 级评价及未评价占比；有记录时列出咨询量，以及其中记录了问题和答复的次数；从叫号到窗口作出受理决定的平均分钟数；统计期间内受理的指向该工作人员的投诉件数。</translation>
    </message>
    <message>
        <source>Complaints waiting: %1; refused: %2</source>
        <translation>待发送投诉：%1 件；被拒收：%2 件</translation>
    </message>
    <message>
        <source>Result documents waiting: %1; refused: %2; fetched: %3</source>
        <translation>结果文书待接收：%1；被拒收：%2；已接收：%3</translation>
    </message>
    <message>
        <source>Only this kind of action (status-report, transfer-confirmation, pre-application-review, catalogue-sign-off, result-document) or of event (e.g. approved).</source>
        <translation>只列此类操作（status-report 状态报告、transfer-confirmation 移交确认、pre-application-review 网上预审、catalogue-sign-off 目录签认、result-document 结果文书）或此类事件（如 approved）。</translation>
    </message>
    <message>
        <source>The result document (the licence or decision as a PDF, at most 20 MiB): uploaded first and named by the event (approved, denied or result-ready).</source>
        <translation>结果文书（许可证或决定书的 PDF，不超过 20 MiB）：先上传，再由事件注明（approved、denied 或 result-ready）。</translation>
    </message>
    <message>
        <source>--document needs a readable PDF of at most 20 MiB, with approved, denied or result-ready</source>
        <translation>--document 须为可读取的 PDF 文件（不超过 20 MiB），且仅用于 approved、denied 或 result-ready</translation>
    </message>
    <message>
        <source>Show the server, the events waiting and rejected, the complaints waiting and refused, the departments&apos; result documents waiting or refused, and the changes cursor.</source>
        <translation>显示服务器、待发送和被拒收的事件、待发送和被拒收的投诉、待接收或被拒收的部门结果文书，以及变更游标。</translation>
    </message>
</context>
<context>
    <name>ow::core</name>
    <message>
        <source>The version line must hold exactly one word.</source>
        <translation>版本行必须只有一个词。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a division code: a code has six digits.</source>
        <translation>“%1”不是行政区划代码：代码为六位数字。</translation>
    </message>
    <message>
        <source>The division %1 has no name.</source>
        <translation>行政区划 %1 没有名称。</translation>
    </message>
    <message>
        <source>Expected &apos;CODE NAME&apos; or &apos;CODE NAME abolished&apos; after the code %1.</source>
        <translation>代码 %1 之后应为“CODE NAME”或“CODE NAME abolished”。</translation>
    </message>
    <message>
        <source>The division %1 is listed twice (first on line %2).</source>
        <translation>行政区划 %1 列出了两次（第一次在第 %2 行）。</translation>
    </message>
    <message>
        <source>The division %1 has no province or prefecture %2 above it.</source>
        <translation>行政区划 %1 的上级没有省级或地级行政区划 %2。</translation>
    </message>
    <message>
        <source>The division table is empty.</source>
        <translation>行政区划表为空。</translation>
    </message>
    <message>
        <source>The ID number is empty.</source>
        <translation>公民身份号码为空。</translation>
    </message>
    <message>
        <source>This is a 15-digit first-generation ID number, which is no longer valid; ask for the 18-character number of the second-generation card.</source>
        <translation>这是 15 位的第一代身份证号码，已不再有效；请索取第二代身份证上的 18 位号码。</translation>
    </message>
    <message numerus="yes">
        <source>An ID number has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>公民身份号码应为 18 位；此号码为 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 is &apos;%2&apos;, but the first 17 characters of an ID number are digits.</source>
        <translation>第 %1 位是“%2”，但公民身份号码的前 17 位必须是数字。</translation>
    </message>
    <message>
        <source>The last character is &apos;%1&apos;, but it must be a digit or X.</source>
        <translation>最后一位是“%1”，但它必须是数字或 X。</translation>
    </message>
    <message>
        <source>The birth date %1 (characters 7 to 14) is not a real date.</source>
        <translation>出生日期 %1（第 7 至 14 位）不是真实存在的日期。</translation>
    </message>
    <message>
        <source>The birth date %1 (characters 7 to 14) is in the future.</source>
        <translation>出生日期 %1（第 7 至 14 位）晚于今天。</translation>
    </message>
    <message>
        <source>The check character (the last one) should be &apos;%1&apos;, not &apos;%2&apos;: a digit was probably mistyped.</source>
        <translation>校验码（最后一位）应为“%1”，而不是“%2”：可能输错了某一位数字。</translation>
    </message>
    <message>
        <source>The area code %1 is not in the division table; it may belong to a division abolished since the card was issued.</source>
        <translation>地区代码 %1 不在行政区划表中；它可能属于发证后已撤销的行政区划。</translation>
    </message>
    <message>
        <source>establishment administration</source>
        <comment>credit code authority 1: 机构编制</comment>
        <translation>机构编制</translation>
    </message>
    <message>
        <source>foreign affairs</source>
        <comment>credit code authority 2: 外交</comment>
        <translation>外交</translation>
    </message>
    <message>
        <source>judicial administration</source>
        <comment>credit code authority 3: 司法行政</comment>
        <translation>司法行政</translation>
    </message>
    <message>
        <source>culture</source>
        <comment>credit code authority 4: 文化</comment>
        <translation>文化</translation>
    </message>
    <message>
        <source>civil affairs</source>
        <comment>credit code authority 5: 民政</comment>
        <translation>民政</translation>
    </message>
    <message>
        <source>tourism</source>
        <comment>credit code authority 6: 旅游</comment>
        <translation>旅游</translation>
    </message>
    <message>
        <source>religious affairs</source>
        <comment>credit code authority 7: 宗教</comment>
        <translation>宗教</translation>
    </message>
    <message>
        <source>trade unions</source>
        <comment>credit code authority 8: 工会</comment>
        <translation>工会</translation>
    </message>
    <message>
        <source>market regulation</source>
        <comment>credit code authority 9: 工商</comment>
        <translation>工商（市场监管）</translation>
    </message>
    <message>
        <source>Central Military Commission reform and establishment office</source>
        <comment>credit code authority A: 中央军委改革和编制办公室</comment>
        <translation>中央军委改革和编制办公室</translation>
    </message>
    <message>
        <source>agriculture</source>
        <comment>credit code authority N: 农业</comment>
        <translation>农业</translation>
    </message>
    <message>
        <source>other authority</source>
        <comment>credit code authority Y: 其他</comment>
        <translation>其他</translation>
    </message>
    <message>
        <source>government organ</source>
        <comment>机关</comment>
        <translation>机关</translation>
    </message>
    <message>
        <source>public institution</source>
        <comment>事业单位</comment>
        <translation>事业单位</translation>
    </message>
    <message>
        <source>mass organisation managed by the central establishment office</source>
        <comment>中央编办直接管理机构编制的群众团体</comment>
        <translation>中央编办直接管理机构编制的群众团体</translation>
    </message>
    <message>
        <source>other</source>
        <comment>其他</comment>
        <translation>其他</translation>
    </message>
    <message>
        <source>resident foreign news agency</source>
        <comment>外国常住新闻机构</comment>
        <translation>外国常住新闻机构</translation>
    </message>
    <message>
        <source>law firm</source>
        <comment>律师执业机构</comment>
        <translation>律师执业机构</translation>
    </message>
    <message>
        <source>notary office</source>
        <comment>公证处</comment>
        <translation>公证处</translation>
    </message>
    <message>
        <source>grassroots legal service office</source>
        <comment>基层法律服务所</comment>
        <translation>基层法律服务所</translation>
    </message>
    <message>
        <source>forensic appraisal institution</source>
        <comment>司法鉴定机构</comment>
        <translation>司法鉴定机构</translation>
    </message>
    <message>
        <source>arbitration commission</source>
        <comment>仲裁委员会</comment>
        <translation>仲裁委员会</translation>
    </message>
    <message>
        <source>foreign cultural centre in China</source>
        <comment>外国在华文化中心</comment>
        <translation>外国在华文化中心</translation>
    </message>
    <message>
        <source>social organisation</source>
        <comment>社会团体</comment>
        <translation>社会团体</translation>
    </message>
    <message>
        <source>private non-enterprise unit</source>
        <comment>民办非企业单位</comment>
        <translation>民办非企业单位</translation>
    </message>
    <message>
        <source>foundation</source>
        <comment>基金会</comment>
        <translation>基金会</translation>
    </message>
    <message>
        <source>representative office of a foreign tourism authority</source>
        <comment>外国旅游部门常驻代表机构</comment>
        <translation>外国旅游部门常驻代表机构</translation>
    </message>
    <message>
        <source>representative office of a Hong Kong, Macao or Taiwan tourism authority</source>
        <comment>港澳台地区旅游部门常驻内地（大陆）代表机构</comment>
        <translation>港澳台地区旅游部门常驻内地（大陆）代表机构</translation>
    </message>
    <message>
        <source>venue for religious activities</source>
        <comment>宗教活动场所</comment>
        <translation>宗教活动场所</translation>
    </message>
    <message>
        <source>religious school</source>
        <comment>宗教院校</comment>
        <translation>宗教院校</translation>
    </message>
    <message>
        <source>grassroots trade union</source>
        <comment>基层工会</comment>
        <translation>基层工会</translation>
    </message>
    <message>
        <source>enterprise</source>
        <comment>企业</comment>
        <translation>企业</translation>
    </message>
    <message>
        <source>individual business</source>
        <comment>个体工商户</comment>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>farmers&apos; specialised cooperative</source>
        <comment>农民专业合作社</comment>
        <translation>农民专业合作社</translation>
    </message>
    <message>
        <source>military public institution</source>
        <comment>军队事业单位</comment>
        <translation>军队事业单位</translation>
    </message>
    <message>
        <source>group-level collective economic organisation</source>
        <comment>组级集体经济组织</comment>
        <translation>组级集体经济组织</translation>
    </message>
    <message>
        <source>village-level collective economic organisation</source>
        <comment>村级集体经济组织</comment>
        <translation>村级集体经济组织</translation>
    </message>
    <message>
        <source>township-level collective economic organisation</source>
        <comment>乡镇级集体经济组织</comment>
        <translation>乡镇级集体经济组织</translation>
    </message>
    <message>
        <source>not divided into categories</source>
        <comment>不再具体划分机构类别</comment>
        <translation>不再具体划分机构类别</translation>
    </message>
    <message>
        <source>The credit code is empty.</source>
        <translation>统一社会信用代码为空。</translation>
    </message>
    <message>
        <source>This looks like a 15-digit registration number from before unified credit codes; ask for the 18-character unified social credit code on the current licence.</source>
        <translation>这看起来是统一社会信用代码实施前的 15 位注册号；请索取现行营业执照上的 18 位统一社会信用代码。</translation>
    </message>
    <message numerus="yes">
        <source>A unified social credit code has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>统一社会信用代码应为 18 位；此代码为 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 is &apos;%2&apos;, a letter credit codes never use (I, O, S, V and Z are left out); it is probably a mistyped digit or letter.</source>
        <translation>第 %1 位是“%2”，统一社会信用代码从不使用这个字母（不使用 I、O、S、V、Z）；可能输错了某个数字或字母。</translation>
    </message>
    <message>
        <source>Character %1 is &apos;%2&apos;, but a credit code has only digits and capital letters.</source>
        <translation>第 %1 位是“%2”，但统一社会信用代码只含数字和大写字母。</translation>
    </message>
    <message>
        <source>The check character (the last one) should be &apos;%1&apos;, not &apos;%2&apos;: a character was probably mistyped.</source>
        <translation>校验码（最后一位）应为“%1”，而不是“%2”：可能输错了某个字符。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 are the registration area code and must be digits, not %1.</source>
        <translation>第 3 至 8 位是登记管理机关行政区划码，必须是数字，而不是 %1。</translation>
    </message>
    <message>
        <source>The registering authority code &apos;%1&apos; (character 1) is not listed in GB 32100.</source>
        <translation>登记管理部门代码“%1”（第 1 位）不在 GB 32100 中。</translation>
    </message>
    <message>
        <source>The category code &apos;%1&apos; (character 2) is not listed in GB 32100 for the authority &apos;%2&apos;.</source>
        <translation>机构类别代码“%1”（第 2 位）不在 GB 32100 为登记管理部门“%2”规定的类别中。</translation>
    </message>
    <message>
        <source>national</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>The registration area code %1 (characters 3 to 8) is not in the division table; it may belong to a division abolished since.</source>
        <translation>登记管理机关行政区划码 %1（第 3 至 8 位）不在行政区划表中；它可能属于此后已撤销的行政区划。</translation>
    </message>
    <message>
        <source>The organisation code %1 (characters 9 to 17) does not pass its own GB 11714 check (its last character would be &apos;%2&apos;); ask the applicant to confirm the code.</source>
        <translation>组织机构代码 %1（第 9 至 17 位）未通过其自身的 GB 11714 校验（其最后一位应为“%2”）；请申请人确认代码。</translation>
    </message>
    <message>
        <source>The deadline has no start date.</source>
        <translation>期限没有起始日期。</translation>
    </message>
    <message>
        <source>A time limit cannot be %1 working days.</source>
        <translation>时限不能为 %1 个工作日。</translation>
    </message>
    <message>
        <source>A pause of the time limit has no start date.</source>
        <translation>时限暂停没有起始日期。</translation>
    </message>
    <message>
        <source>A pause of the time limit ends (%1) before it starts (%2).</source>
        <translation>时限暂停的结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>The time limit has been paused since %1 (%2); its due date is known once the clock resumes, with %n working day(s) left.</source>
        <translation>
            <numerusform>时限自 %1（%2）起暂停计算；计时恢复后才能确定到期日，尚余 %n 个工作日。</numerusform>
        </translation>
    </message>
    <message>
        <source>The date is not valid.</source>
        <translation>日期无效。</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>电话号码为空。</translation>
    </message>
    <message>
        <source>The area code&apos;s bracket is not closed.</source>
        <translation>区号的括号未闭合。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in a phone number: use digits and &apos;-&apos;.</source>
        <translation>电话号码中不能有“%1”：请使用数字和“-”。</translation>
    </message>
    <message>
        <source>The phone number has no digits.</source>
        <translation>电话号码中没有数字。</translation>
    </message>
    <message numerus="yes">
        <source>A mobile number has 11 digits; this one has %n.</source>
        <translation>
            <numerusform>手机号码应为 11 位；此号码为 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mobile numbers start with 13 to 19, not %1.</source>
        <translation>手机号码以 13 至 19 开头，而不是 %1。</translation>
    </message>
    <message>
        <source>A landline number needs its area code, for example 0577-%1.</source>
        <translation>固定电话号码需要加区号，例如 0577-%1。</translation>
    </message>
    <message>
        <source>This is not a phone number: mobile numbers start with 1, landline numbers with the area code&apos;s 0.</source>
        <translation>这不是电话号码：手机号码以 1 开头，固定电话号码以区号的 0 开头。</translation>
    </message>
    <message>
        <source>%1 is not an area code: area codes are 010, 020 to 029, or four digits such as 0577.</source>
        <translation>%1 不是区号：区号为 010、020 至 029，或 0577 这样的四位数字。</translation>
    </message>
    <message numerus="yes">
        <source>A landline number has 7 or 8 digits after the area code; %1 has %n.</source>
        <translation>
            <numerusform>固定电话号码在区号之后应有 7 或 8 位；%1 有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>A local number cannot start with 0 or 1, as %1 does.</source>
        <translation>本地号码不能以 0 或 1 开头，而 %1 是这样开头的。</translation>
    </message>
    <message>
        <source>The calendar folder does not exist.</source>
        <translation>日历文件夹不存在。</translation>
    </message>
    <message>
        <source>The calendar folder has no year files (named like 2025.txt).</source>
        <translation>日历文件夹中没有年度文件（名称形如 2025.txt）。</translation>
    </message>
    <message>
        <source>The header line &apos;%1&apos; has no value.</source>
        <translation>文件头行“%1”没有值。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a year.</source>
        <translation>“%1”不是年份。</translation>
    </message>
    <message>
        <source>Unknown header &apos;%1&apos;: expected year, version, source or url, or a line &apos;DATE off|work NAME&apos;.</source>
        <translation>未知的文件头“%1”：应为 year、version、source 或 url，或形如“DATE off|work NAME”的行。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date written YYYY-MM-DD.</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>After the date comes &apos;off&apos; (a holiday) or &apos;work&apos; (a swapped working day), not &apos;%1&apos;.</source>
        <translation>日期之后应为“off”（节假日）或“work”（调休工作日），而不是“%1”。</translation>
    </message>
    <message>
        <source>The day %1 has no name (such as 春节).</source>
        <translation>日期 %1 没有名称（例如 春节）。</translation>
    </message>
    <message>
        <source>%1 is a weekday, so it cannot be a swapped working day (&apos;work&apos; is for a Saturday or Sunday worked in exchange for a holiday).</source>
        <translation>%1 是工作日，不能作为调休工作日（“work”用于因放假而调休上班的周六或周日）。</translation>
    </message>
    <message>
        <source>%1 is listed twice (first on line %2).</source>
        <translation>%1 列出了两次（第一次在第 %2 行）。</translation>
    </message>
    <message>
        <source>The header line &apos;year&apos; is missing.</source>
        <translation>缺少文件头行“year”。</translation>
    </message>
    <message>
        <source>The file is named for %1 but its header says year %2.</source>
        <translation>文件名对应 %1 年，但文件头写的是 %2 年。</translation>
    </message>
    <message>
        <source>The header line &apos;version&apos; is missing.</source>
        <translation>缺少文件头行“version”。</translation>
    </message>
    <message>
        <source>The header line &apos;source&apos; is missing: name the State Council notice the dates come from.</source>
        <translation>缺少文件头行“source”：请写明这些日期所依据的国务院通知。</translation>
    </message>
    <message>
        <source>The year %1 is already defined by %2.</source>
        <translation>%1 年已由 %2 定义。</translation>
    </message>
    <message>
        <source>%1 does not belong in the file for %2.</source>
        <translation>%1 不属于 %2 年的文件。</translation>
    </message>
    <message>
        <source>The holiday calendar has no data for %1, so working days cannot be counted in that year. The State Council announces each year&apos;s holidays late in the year before; add them as calendar file %1.txt.</source>
        <translation>节假日日历中没有 %1 年的数据，因此无法计算该年的工作日。国务院每年年底前公布次年的节假日安排；请将其添加为日历文件 %1.txt。</translation>
    </message>
    <message>
        <source>The start date is not valid.</source>
        <translation>起始日期无效。</translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;: %3</source>
        <translation>设置项 %1 的值“%2”无效：%3</translation>
    </message>
    <message>
        <source>use a whole number from %1 to %2.</source>
        <translation>请使用 %1 至 %2 之间的整数。</translation>
    </message>
    <message>
        <source>use true or false.</source>
        <translation>请使用 true 或 false。</translation>
    </message>
    <message>
        <source>Enter or scan the tracking number of the EMS waybill.</source>
        <translation>请输入或扫描 EMS 运单号。</translation>
    </message>
    <message>
        <source>A tracking number has 13 characters (e.g. EA123456785CN or 13 digits); this one has %1.</source>
        <translation>运单号为13位（例如 EA123456785CN 或13位数字），此号码为 %1 位。</translation>
    </message>
    <message>
        <source>%1 is not a valid tracking number: its check digit (the 11th character) should be %2. Check the number on the waybill.</source>
        <translation>%1 不是有效的运单号：其校验位（第11位）应为 %2。请核对邮件详情单上的号码。</translation>
    </message>
    <message>
        <source>%1 is not a tracking number: expected 2 letters, 9 digits, 2 letters (EA123456785CN) or 13 digits.</source>
        <translation>%1 不是运单号：应为2个字母、9位数字、2个字母（EA123456785CN）或13位数字。</translation>
    </message>
</context>
<context>
    <name>ow::deptsim</name>
    <message>
        <source>Recorded by the department simulator.</source>
        <translation>由部门模拟系统记录。</translation>
    </message>
    <message>
        <source>The simulated department denies the application.</source>
        <translation>模拟部门不予同意该申请。</translation>
    </message>
    <message>
        <source>A material the department asks for</source>
        <translation>部门要求补正的材料</translation>
    </message>
    <message>
        <source>%1 for case %2: %3</source>
        <translation>办件 %2 的 %1：%3</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 监听：%3</translation>
    </message>
    <message>
        <source>The list of seen deliveries %1 could not be read: %2</source>
        <translation>无法读取已处理推送记录 %1：%2</translation>
    </message>
    <message>
        <source>The list of seen deliveries %1 could not be written: %2</source>
        <translation>无法写入已处理推送记录 %1：%2</translation>
    </message>
    <message>
        <source>The result PDF %1 cannot be read: %2</source>
        <translation>无法读取结果文书 PDF %1：%2</translation>
    </message>
</context>
<context>
    <name>ow::devices</name>
    <message>
        <source>camera: the system&apos;s default</source>
        <translation>摄像头：系统默认</translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation>摄像头 %1</translation>
    </message>
    <message>
        <source>simulator: images from the folder %1</source>
        <translation>模拟器：文件夹 %1 中的图像</translation>
    </message>
    <message>
        <source>Captured a still of %1 × %2 pixels.</source>
        <translation>已拍摄一张 %1 × %2 像素的照片。</translation>
    </message>
    <message>
        <source>No camera is plugged in.</source>
        <translation>未插入摄像头。</translation>
    </message>
    <message>
        <source>Taking a still with the camera…</source>
        <translation>正在用摄像头拍照…</translation>
    </message>
    <message>
        <source>The camera gave no picture within %1 seconds.</source>
        <translation>摄像头在 %1 秒内未返回图像。</translation>
    </message>
    <message>
        <source>No %1 is configured at this counter.</source>
        <translation>本窗口未配置%1。</translation>
    </message>
    <message>
        <source>The device did not answer in time.</source>
        <translation>设备未及时响应。</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>凭条打印机</translation>
    </message>
    <message>
        <source>Evaluator pad</source>
        <translation>评价器</translation>
    </message>
    <message>
        <source>Code scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>error</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>serial port %1</source>
        <translation>串口 %1</translation>
    </message>
    <message>
        <source>window facing the applicant</source>
        <translation>申请人侧显示屏</translation>
    </message>
    <message>
        <source>simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>The port %1 does not exist: is the pad plugged in?</source>
        <translation>端口 %1 不存在：评价器是否已插好？</translation>
    </message>
    <message>
        <source>Press a rating on the evaluator.</source>
        <translation>请在评价器上按一个评价键。</translation>
    </message>
    <message>
        <source>Device test</source>
        <translation>设备测试</translation>
    </message>
    <message>
        <source>The evaluator did not answer.</source>
        <translation>评价器没有响应。</translation>
    </message>
    <message>
        <source>The evaluator answered: %1 (%2).</source>
        <translation>评价器返回：%1（%2）。</translation>
    </message>
    <message>
        <source>USB %1</source>
        <translation>USB %1</translation>
    </message>
    <message>
        <source>Opening the reader…</source>
        <translation>正在打开读卡器…</translation>
    </message>
    <message>
        <source>Place an ID card on the reader.</source>
        <translation>请将身份证放到读卡器上。</translation>
    </message>
    <message>
        <source>No card was read within %1 seconds.</source>
        <translation>%1 秒内未读到卡。</translation>
    </message>
    <message>
        <source>The reader is not plugged in.</source>
        <translation>读卡器未插入。</translation>
    </message>
    <message>
        <source>Read the card of %1, %2 (%3).</source>
        <translation>已读取 %1 的证件，%2（%3）。</translation>
    </message>
    <message>
        <source>use none, serial, usb or simulator.</source>
        <translation>请使用 none、serial、usb 或 simulator。</translation>
    </message>
    <message>
        <source>use a positive whole number such as 115200.</source>
        <translation>请使用正整数，例如 115200。</translation>
    </message>
    <message>
        <source>use true or false.</source>
        <translation>请使用 true 或 false。</translation>
    </message>
    <message>
        <source>use a number of milliseconds from 0 to 10000.</source>
        <translation>请使用 0 至 10000 之间的毫秒数。</translation>
    </message>
    <message>
        <source>a serial reader needs a port, such as /dev/ttyUSB0 or COM3.</source>
        <translation>串口读卡器需要指定端口，例如 /dev/ttyUSB0 或 COM3。</translation>
    </message>
    <message>
        <source>a USB reader needs at least one VID:PID.</source>
        <translation>USB 读卡器至少需要一个 VID:PID。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a USB id; write VID:PID such as 0400:C35A.</source>
        <translation>“%1”不是 USB ID；请写作 VID:PID，例如 0400:C35A。</translation>
    </message>
    <message>
        <source>Checklist of materials</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理凭证</translation>
    </message>
    <message>
        <source>Waiver notice</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Thermal receipt (slip)</source>
        <translation>热敏凭条</translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;: only the thermal receipt can go to the receipt printer.</source>
        <translation>设置项 %1 的值“%2”无效：只有热敏凭条可以发送到凭条打印机。</translation>
    </message>
    <message>
        <source>No printer is installed: the document is saved as a PDF.</source>
        <translation>未安装打印机：文书已保存为 PDF。</translation>
    </message>
    <message>
        <source>The printer %1 is not installed, nor any other: the document is saved as a PDF.</source>
        <translation>未安装打印机 %1，也没有其他打印机：文书已保存为 PDF。</translation>
    </message>
    <message>
        <source>The printer %1 is not installed: choose another.</source>
        <translation>未安装打印机 %1：请选择其他打印机。</translation>
    </message>
    <message>
        <source>No receipt printer is configured at this counter.</source>
        <translation>本窗口未配置凭条打印机。</translation>
    </message>
    <message>
        <source>device file %1</source>
        <translation>设备文件 %1</translation>
    </message>
    <message>
        <source>CUPS queue %1</source>
        <translation>CUPS 打印队列 %1</translation>
    </message>
    <message>
        <source>Windows printer %1</source>
        <translation>Windows 打印机 %1</translation>
    </message>
    <message>
        <source>%1 does not exist: is the printer plugged in and switched on?</source>
        <translation>%1 不存在：打印机是否已连接并开机？</translation>
    </message>
    <message>
        <source>Printing a test receipt…</source>
        <translation>正在打印测试凭条…</translation>
    </message>
    <message>
        <source>The printer did not take the test receipt within %1 seconds.</source>
        <translation>打印机在 %1 秒内未接收测试凭条。</translation>
    </message>
    <message>
        <source>The test receipt was sent to the printer.</source>
        <translation>测试凭条已发送到打印机。</translation>
    </message>
    <message>
        <source>USB keyboard (codes told from typing by speed)</source>
        <translation>USB 键盘模式（按输入速度区分扫码与键入）</translation>
    </message>
    <message>
        <source>The scanner is not plugged in.</source>
        <translation>扫码枪未插入。</translation>
    </message>
    <message>
        <source>Opening the port…</source>
        <translation>正在打开端口…</translation>
    </message>
    <message>
        <source>Scan any barcode or QR code now.</source>
        <translation>请现在扫描任意条码或二维码。</translation>
    </message>
    <message>
        <source>Nothing was scanned within %1 seconds.</source>
        <translation>%1 秒内未扫描到任何码。</translation>
    </message>
    <message>
        <source>Scanned: %1</source>
        <translation>已扫描：%1</translation>
    </message>
    <message>
        <source>simulated reader</source>
        <translation>模拟读卡器</translation>
    </message>
    <message>
        <source>Receipt printer test</source>
        <translation>凭条打印机测试</translation>
    </message>
</context>
<context>
    <name>ow::devsim</name>
    <message>
        <source>Simulate a second-generation ID card reader with a card on it. The path of the pseudo-terminal is printed on the first line; give it to the program under test as its serial port.</source>
        <translation>模拟一台放有身份证的第二代身份证读卡器。伪终端的路径输出在第一行；将其作为被测程序的串口。</translation>
    </message>
    <message>
        <source>Serve on a new pseudo-terminal.</source>
        <translation>在新的伪终端上提供服务。</translation>
    </message>
    <message>
        <source>The card, as JSON (default: a fictional sample person).</source>
        <translation>卡片内容，JSON 格式（默认：一个虚构的示例人员）。</translation>
    </message>
    <message>
        <source>Misbehave: %1.</source>
        <translation>模拟故障：%1。</translation>
    </message>
    <message>
        <source>Misbehave only N times (default: always).</source>
        <translation>只模拟故障 N 次（默认：始终）。</translation>
    </message>
    <message>
        <source>Lift the card and put it back every S seconds, so it is read again (0: never; default 10).</source>
        <translation>每隔 S 秒拿起卡片再放回，使其被重新读取（0：从不；默认 10）。</translation>
    </message>
    <message>
        <source>Print every request and reply in hex.</source>
        <translation>以十六进制输出每个请求和应答。</translation>
    </message>
    <message>
        <source>only --pty is supported; see --help</source>
        <translation>只支持 --pty；参见 --help</translation>
    </message>
    <message>
        <source>unknown fault &apos;%1&apos;; use one of: %2</source>
        <translation>未知故障“%1”；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>--fault-count and --replace-every take numbers; see --help</source>
        <translation>--fault-count 和 --replace-every 需要数字；参见 --help</translation>
    </message>
    <message>
        <source>pseudo-terminals are not available on this system</source>
        <translation>本系统不支持伪终端</translation>
    </message>
    <message>
        <source>Send after S seconds (default 3).</source>
        <translation>S 秒后发送（默认 3）。</translation>
    </message>
    <message>
        <source>Send again every S seconds, not just once.</source>
        <translation>每隔 S 秒重复发送，而不是只发送一次。</translation>
    </message>
    <message>
        <source>Print the bytes sent and received in hex.</source>
        <translation>以十六进制输出收发的字节。</translation>
    </message>
    <message>
        <source>--delay takes a number of seconds; see --help</source>
        <translation>--delay 需要秒数；参见 --help</translation>
    </message>
    <message>
        <source>Simulate a serial evaluator pad on which the applicant presses a key. The path of the pseudo-terminal is printed on the first line; set it as evaluator/port.</source>
        <translation>模拟一台串口评价器，申请人在其上按键。伪终端的路径输出在第一行；请将其设为 evaluator/port。</translation>
    </message>
    <message>
        <source>The pad&apos;s key codes: a or b (default a).</source>
        <translation>评价器的按键编码：a 或 b（默认 a）。</translation>
    </message>
    <message>
        <source>The rating pressed, 1 to 5 (default 5, very satisfied).</source>
        <translation>按下的评价等级，1 至 5（默认 5，非常满意）。</translation>
    </message>
    <message>
        <source>Send this byte (hexadecimal) instead of the preset&apos;s key.</source>
        <translation>发送此字节（十六进制），代替预设的按键编码。</translation>
    </message>
    <message>
        <source>--key takes one byte in hexadecimal, such as 33</source>
        <translation>--key 需要一个十六进制字节，例如 33</translation>
    </message>
    <message>
        <source>--preset takes a or b and --level 1 to 5; see --help</source>
        <translation>--preset 应为 a 或 b，--level 应为 1 至 5；参见 --help</translation>
    </message>
    <message>
        <source>pads of preset %1 have no key for level %2</source>
        <translation>预设 %1 的评价器没有对应等级 %2 的按键</translation>
    </message>
    <message>
        <source>Simulate a scanner in USB-CDC (virtual COM) mode that reads a code. The path of the pseudo-terminal is printed on the first line; set it as scanner/port.</source>
        <translation>模拟一台 USB-CDC（虚拟串口）模式的扫码枪读到一个码。伪终端的路径输出在第一行；请将其设为 scanner/port。</translation>
    </message>
    <message>
        <source>The code read (default: a sample case number).</source>
        <translation>读到的码（默认：一个示例统一申报编码）。</translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos;</source>
        <translation>未知设备“%1”</translation>
    </message>
    <message>
        <source>The port to take pushes on (127.0.0.1; 0: any free one).</source>
        <translation>接收推送的端口（127.0.0.1；0：任一空闲端口）。</translation>
    </message>
    <message>
        <source>The endpoint&apos;s signing secret, as onewindow-cli server department-endpoint printed it.</source>
        <translation>接收地址的签名密钥，即 onewindow-cli server department-endpoint 显示的密钥。</translation>
    </message>
    <message>
        <source>The server to answer to (without it pushes are only taken).</source>
        <translation>答复的服务器地址（不设则只接收推送）。</translation>
    </message>
    <message>
        <source>The department&apos;s key for the department API.</source>
        <translation>部门接口所用的部门密钥。</translation>
    </message>
    <message>
        <source>Seconds from a push to in review (default 0).</source>
        <translation>从收到推送到进入审查的秒数（默认 0）。</translation>
    </message>
    <message>
        <source>Seconds from in review to the decision (default 0).</source>
        <translation>从进入审查到作出决定的秒数（默认 0）。</translation>
    </message>
    <message>
        <source>approve (default), deny or supplement-then-approve (a supplement request first).</source>
        <translation>approve（准予，默认）、deny（不予同意）或 supplement-then-approve（先要求补齐补正，再准予）。</translation>
    </message>
    <message>
        <source>Answer 503 for the first S seconds, to watch the retries.</source>
        <translation>前 S 秒一律返回 503，用于观察重试。</translation>
    </message>
    <message>
        <source>Where processed delivery ids are kept, so a restart does not process one again (default: deliveries-seen.txt in the current folder).</source>
        <translation>保存已处理推送编号的文件，重启后不会重复处理（默认：当前目录下的 deliveries-seen.txt）。</translation>
    </message>
    <message>
        <source>department needs --listen PORT and --key KEY; --server URL needs --department-key KEY; delays are seconds; see --help</source>
        <translation>department 需要 --listen PORT 和 --key KEY；--server URL 需要 --department-key KEY；延时以秒计；见 --help</translation>
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
        <translation>用法：onewindow-devsim [--lang zh_CN|en] DEVICE ...

设备：
  idcard --pty [--card FILE] [--fault KIND]   伪终端上的身份证读卡器
  evaluator --pty [--preset a|b] [--level N]   按下按键的评价器
  scanner --pty [--code TEXT]                  发送一个码的 USB-CDC 扫码枪
  department --listen PORT --key KEY [--server URL --department-key KEY]
                                               接收服务器推送的部门业务系统
  sharing --listen PORT --app-id ID --secret S [--down-for S] [--delay MS]
                                               应答共享材料获取请求的数据共享平台

在设备名后加 --help 查看其选项。
</translation>
    </message>
    <message>
        <source>Simulate the data-sharing platform (数据共享) on loopback: check each request&apos;s app id and signature, and answer with the demo&apos;s shared materials — the business licence (a PDF) by credit code, the household register and the marriage certificate (PNG) by citizen ID number; no record (404) for a key that is not valid. Each line on standard output is a JSON event, the first {&quot;event&quot;: &quot;listening&quot;, &quot;port&quot;: N}.</source>
        <translation>在本机回环地址上模拟数据共享平台：核对每个请求的应用标识和签名，并以演示用的共享材料应答——按统一社会信用代码提供营业执照（PDF），按公民身份号码提供居民户口簿和结婚证（PNG）；查询号码无效的，应答无记录（404）。标准输出每行一个 JSON 事件，第一行为 {&quot;event&quot;: &quot;listening&quot;, &quot;port&quot;: N}。</translation>
    </message>
    <message>
        <source>The port to answer on (127.0.0.1; 0: any free one).</source>
        <translation>应答所用的端口（127.0.0.1；0 表示任一空闲端口）。</translation>
    </message>
    <message>
        <source>The app id the workstation sends (sharing-app-id).</source>
        <translation>工作站发送的应用标识（sharing-app-id）。</translation>
    </message>
    <message>
        <source>The secret requests are signed with (sharing-secret).</source>
        <translation>请求签名所用的密钥（sharing-secret）。</translation>
    </message>
    <message>
        <source>Answer 503 for the first S seconds.</source>
        <translation>前 S 秒一律应答 503。</translation>
    </message>
    <message>
        <source>Wait MS milliseconds before each answer (default 0).</source>
        <translation>每次应答前等待 MS 毫秒（默认 0）。</translation>
    </message>
    <message>
        <source>sharing needs --listen PORT, --app-id ID and --secret S; --down-for takes seconds and --delay milliseconds; see --help</source>
        <translation>sharing 需要 --listen PORT、--app-id ID 和 --secret S；--down-for 以秒计，--delay 以毫秒计；见 --help</translation>
    </message>
    <message>
        <source>Simulate a department&apos;s business system: take the server&apos;s pushes on loopback, check their signatures, process each delivery once, and answer through the department API: in review after a delay, then the outcome; a withdrawn case (撤回) is answered no more. An approval uploads its result document (a PDF) and names it, and result-ready follows. Each line on standard output is a JSON event, the first {&quot;event&quot;: &quot;listening&quot;, &quot;port&quot;: N}.</source>
        <translation>模拟部门业务系统：在本机接收服务器的推送，校验签名，每个推送只处理一次，并通过部门接口答复：延时后进入审查，再给出办理结果；已撤回的办件不再答复。准予许可时先上传结果文书（PDF）并在事件中注明，随后标记可领取。标准输出每行是一个 JSON 事件，第一行为 {&quot;event&quot;: &quot;listening&quot;, &quot;port&quot;: N}。</translation>
    </message>
    <message>
        <source>The result document an approval uploads (default: a one-page 准予许可决定书 written for the case).</source>
        <translation>准予许可时上传的结果文书（默认：为该办件生成的一页《准予许可决定书》）。</translation>
    </message>
    <message>
        <source>Seconds from the approval to result-ready (default 2).</source>
        <translation>从准予许可到可领取的秒数（默认 2）。</translation>
    </message>
    <message>
        <source>--result-pdf %1 is not a readable PDF file</source>
        <translation>--result-pdf %1 不是可读取的 PDF 文件</translation>
    </message>
</context>
<context>
    <name>ow::documents</name>
    <message>
        <source>The case %1 has no promised deadline; it is set when the case is accepted.</source>
        <translation>办件 %1 没有承诺办结期限；该期限在受理时确定。</translation>
    </message>
    <message>
        <source>The case %1 has no waived material; a waiver notice names at least one.</source>
        <translation>办件 %1 没有容缺材料；容缺受理通知书至少要列出一项。</translation>
    </message>
    <message>
        <source>Nothing is missing or wrong in the case %1; a correction notice must say what to correct.</source>
        <translation>办件 %1 没有缺少或有误的内容；一次性告知书必须写明需要补正的内容。</translation>
    </message>
    <message>
        <source>A refusal notice must state its reasons; none are recorded for the case %1.</source>
        <translation>不予受理通知书必须说明理由；办件 %1 未记录理由。</translation>
    </message>
    <message>
        <source>A refusal because the matter is not within this organ&apos;s powers must name the organ to apply to.</source>
        <translation>因事项不属于本机关职权范围而不予受理的，必须写明应向哪个机关申请。</translation>
    </message>
    <message>
        <source>The document could not be drawn on its output.</source>
        <translation>无法将文书绘制到输出设备上。</translation>
    </message>
    <message>
        <source>A receipt is printed as an image, not as a PDF.</source>
        <translation>凭条以图像方式打印，不能输出为 PDF。</translation>
    </message>
    <message>
        <source>No default printer is set up on this computer.</source>
        <translation>本机未设置默认打印机。</translation>
    </message>
    <message>
        <source>There is no printer named “%1”.</source>
        <translation>没有名为“%1”的打印机。</translation>
    </message>
    <message>
        <source>The printer “%1” cannot be used.</source>
        <translation>打印机“%1”无法使用。</translation>
    </message>
    <message>
        <source>The printer “%1” did not accept the document.</source>
        <translation>打印机“%1”未接受该文书。</translation>
    </message>
    <message>
        <source>The document has no page %1.</source>
        <translation>文书没有第 %1 页。</translation>
    </message>
    <message>
        <source>The catalogue has no matter %1 for the sample documents.</source>
        <translation>事项目录中没有用于示例文书的事项 %1。</translation>
    </message>
    <message>
        <source>The sample answers no longer reach a situation of %1.</source>
        <translation>示例答案已无法确定事项 %1 的办事情形。</translation>
    </message>
    <message>
        <source>The public base URL “%1” must be an absolute http or https address without a query.</source>
        <translation>公开访问基础网址“%1”必须是不带查询参数的 http 或 https 绝对地址。</translation>
    </message>
    <message>
        <source>There is no setting “%1” in section [%2]; see the default hall-settings.ini for the keys.</source>
        <translation>[%2] 节中没有设置项“%1”；可用的键见默认的 hall-settings.ini。</translation>
    </message>
    <message>
        <source>A section header must be a name in brackets, such as [hall].</source>
        <translation>节标题必须是方括号中的名称，例如 [hall]。</translation>
    </message>
    <message>
        <source>Expected a line of the form key = value.</source>
        <translation>此处应为 key = value 形式的行。</translation>
    </message>
    <message>
        <source>The key “%1” may only contain letters, digits, dots, hyphens and underscores.</source>
        <translation>键“%1”只能包含字母、数字、点、连字符和下划线。</translation>
    </message>
    <message>
        <source>The key “%1” comes before any [section] header.</source>
        <translation>键“%1”出现在所有 [section] 节标题之前。</translation>
    </message>
    <message>
        <source>The key “%1” of [%2] was already set on line %3.</source>
        <translation>[%2] 的键“%1”已在第 %3 行设置过。</translation>
    </message>
    <message>
        <source>The text cannot be encoded as a QR code: %1</source>
        <translation>该文本无法编码为二维码：%1</translation>
    </message>
    <message>
        <source>The QR encoder returned an empty symbol.</source>
        <translation>二维码编码器返回了空的符号。</translation>
    </message>
    <message>
        <source>%1 needs a value; leave the key out of the file to keep the default.</source>
        <translation>%1 需要填写值；如要保留默认值，请从文件中删去这一项。</translation>
    </message>
    <message>
        <source>%1 must be one line; \n (a line break) is allowed only in the sentences of a document and the footer.</source>
        <translation>%1 只能写成一行；\n（换行）只允许用于文书的正文句子和页脚。</translation>
    </message>
    <message>
        <source>%1 contains a control character at position %2 (“%3”); remove it.</source>
        <translation>%1 的第 %2 个字符是控制字符（“%3”），请删除。</translation>
    </message>
    <message>
        <source>%1 has %2 line breaks; at most %3 are allowed.</source>
        <translation>%1 有 %2 处换行，最多允许 %3 处。</translation>
    </message>
    <message>
        <source>%1 has %2 characters; at most %3 are allowed.</source>
        <translation>%1 有 %2 个字符，最多允许 %3 个。</translation>
    </message>
    <message>
        <source>%1 lacks the placeholder %2: the program fills %3 in, and without it the document loses what it stands for. Keep exactly %3.</source>
        <translation>%1 缺少占位符 %2：程序会在 %3 处填入内容，缺少占位符的文书将缺失相应信息。请原样保留 %3。</translation>
    </message>
    <message>
        <source>%1 takes no placeholder, but %2 is written; the program fills nothing in here.</source>
        <translation>%1 不使用占位符，但写了 %2；程序不会在这里填入任何内容。</translation>
    </message>
    <message>
        <source>%1 has the placeholder %2, which the program does not fill in; it fills in %3 only.</source>
        <translation>%1 含有占位符 %2，程序不会填入它；程序只填入 %3。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Nothing was handed in for the case %1: there is no receipt to issue.</source>
        <translation>办件 %1 没有补交任何材料，无需出具凭证。</translation>
    </message>
    <message>
        <source>No EMS label for case %1: the mailing address lacks %2.</source>
        <translation>无法为办件 %1 打印 EMS 邮寄面单：邮寄地址缺少%2。</translation>
    </message>
    <message>
        <source>The transfer list %1 has no folder on it: nothing to print.</source>
        <translation>移交清单 %1 上没有案卷，无可打印内容。</translation>
    </message>
    <message>
        <source>[handover] %1: %2</source>
        <translation>[handover] %1：%2</translation>
    </message>
    <message>
        <source>%1 has no warning on %2: there is nothing to send.</source>
        <translation>%1 在 %2 没有预警，无需发送督办单。</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
    <message>
        <source>the file cannot be created</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>it could not be moved into place</source>
        <translation>无法移到目标位置</translation>
    </message>
    <message>
        <source>This build writes no XLSX files (libxlsxwriter was not found).</source>
        <translation>此版本不能写出 XLSX 文件（构建时未找到 libxlsxwriter）。</translation>
    </message>
    <message>
        <source>the file was not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>it is not a PDF document that can be read</source>
        <translation>不是可读取的 PDF 文件</translation>
    </message>
    <message>
        <source>it is protected by a password</source>
        <translation>文件设有密码保护</translation>
    </message>
    <message>
        <source>its protection is not supported</source>
        <translation>不支持该文件的加密方式</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>The result document “%1” cannot be opened: %2.</source>
        <translation>无法打开结果文书“%1”：%2。</translation>
    </message>
    <message>
        <source>it has no pages</source>
        <translation>文件没有页面</translation>
    </message>
    <message>
        <source>The result document “%1” has not been received from the server yet.</source>
        <translation>结果文书“%1”尚未从服务器接收。</translation>
    </message>
    <message>
        <source>The printer “%1” cannot start printing “%2”.</source>
        <translation>打印机“%1”无法开始打印“%2”。</translation>
    </message>
    <message>
        <source>The printer stopped after page %1 of “%2”.</source>
        <translation>打印“%2”时，打印机在第 %1 页后停止。</translation>
    </message>
    <message>
        <source>Page %1 of the result document “%2” cannot be rendered.</source>
        <translation>无法生成结果文书“%2”的第 %1 页。</translation>
    </message>
    <message>
        <source>The printer could not finish “%1”.</source>
        <translation>打印机未能完成“%1”的打印。</translation>
    </message>
    <message>
        <source>The result document cannot be copied to %1.</source>
        <translation>无法将结果文书复制到 %1。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::camera</name>
    <message>
        <source>use qt, folder or none.</source>
        <translation>请使用 qt、folder 或 none。</translation>
    </message>
    <message>
        <source>the simulated camera needs a folder of images.</source>
        <translation>模拟摄像头需要指定一个图像文件夹。</translation>
    </message>
    <message>
        <source>The photo is empty.</source>
        <translation>照片为空。</translation>
    </message>
    <message>
        <source>The photo is only %1×%2 pixels, too small to find a page in.</source>
        <translation>照片只有 %1×%2 像素，太小，无法从中找出页面。</translation>
    </message>
    <message>
        <source>No page stands out from the background.</source>
        <translation>未能从背景中分辨出页面。</translation>
    </message>
    <message>
        <source>No page was found: the brightest region is too small.</source>
        <translation>未找到页面：最亮的区域太小。</translation>
    </message>
    <message>
        <source>The page fills the whole photo; there is nothing to crop.</source>
        <translation>页面占满整张照片，无需裁切。</translation>
    </message>
    <message>
        <source>The page image is empty.</source>
        <translation>页面图像为空。</translation>
    </message>
    <message>
        <source>The page could not be saved as JPEG: %1</source>
        <translation>无法将页面保存为 JPEG：%1</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>the file cannot be opened (no access?)</source>
        <translation>无法打开文件（没有访问权限？）</translation>
    </message>
    <message>
        <source>it is not an image of a supported kind (JPEG, PNG, BMP)</source>
        <translation>不是受支持类型的图像（JPEG、PNG、BMP）</translation>
    </message>
    <message>
        <source>the image data is damaged or incomplete</source>
        <translation>图像数据已损坏或不完整</translation>
    </message>
    <message>
        <source>the image cannot be decoded</source>
        <translation>无法解码该图像</translation>
    </message>
    <message>
        <source>%1 is a folder; name a photo file.</source>
        <translation>%1 是文件夹；请指定一个照片文件。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>The photo %1 is %2 × %3 pixels (%4 megapixels); at most %5 megapixels can be processed. Take it at a lower resolution.</source>
        <translation>照片 %1 为 %2 × %3 像素（%4 百万像素）；最多可处理 %5 百万像素。请以较低的分辨率拍摄。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::camera::FolderCamera</name>
    <message>
        <source>Images in %1</source>
        <translation>%1 中的图像</translation>
    </message>
    <message>
        <source>The folder of the simulated camera, &apos;%1&apos;, does not exist.</source>
        <translation>模拟摄像头的文件夹“%1”不存在。</translation>
    </message>
    <message>
        <source>The folder of the simulated camera, &apos;%1&apos;, holds no images.</source>
        <translation>模拟摄像头的文件夹“%1”中没有图像。</translation>
    </message>
    <message>
        <source>The camera is not ready.</source>
        <translation>摄像头尚未就绪。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::camera::QtDocumentCamera</name>
    <message>
        <source>The camera could not take the picture: %1</source>
        <translation>摄像头无法拍照：%1</translation>
    </message>
    <message>
        <source>No camera is connected.</source>
        <translation>未连接摄像头。</translation>
    </message>
    <message>
        <source>The camera %1 is not connected.</source>
        <translation>摄像头 %1 未连接。</translation>
    </message>
    <message>
        <source>The camera stopped.</source>
        <translation>摄像头已停止。</translation>
    </message>
    <message>
        <source>The camera reports an error: %1</source>
        <translation>摄像头报告错误：%1</translation>
    </message>
    <message>
        <source>The camera is not ready.</source>
        <translation>摄像头尚未就绪。</translation>
    </message>
    <message>
        <source>The camera is still busy with the last picture.</source>
        <translation>摄像头仍在处理上一张照片。</translation>
    </message>
    <message>
        <source>The document camera was unplugged.</source>
        <translation>高拍仪已被拔出。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::evaluator</name>
    <message>
        <source>use none, serial, screen or simulator.</source>
        <translation>请使用 none、serial、screen 或 simulator。</translation>
    </message>
    <message>
        <source>use a positive whole number such as 9600.</source>
        <translation>请使用正整数，例如 9600。</translation>
    </message>
    <message>
        <source>use a, b or custom.</source>
        <translation>请使用 a、b 或 custom。</translation>
    </message>
    <message>
        <source>use a number of seconds from 1 to 3600.</source>
        <translation>请使用 1 至 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>use hexadecimal bytes such as 02 31 03.</source>
        <translation>请使用十六进制字节，例如 02 31 03。</translation>
    </message>
    <message>
        <source>a serial evaluator needs a port, such as /dev/ttyUSB0 or COM3.</source>
        <translation>串口评价器需要指定端口，例如 /dev/ttyUSB0 或 COM3。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key mapping entry: write a hexadecimal byte, &apos;=&apos;, and a level from 1 to 5 (0 for the key that means no rating), for example 33=5.</source>
        <translation>“%1”不是有效的按键映射项：请写一个十六进制字节、“=”和 1 至 5 的等级（表示不评价的按键写 0），例如 33=5。</translation>
    </message>
    <message>
        <source>The key %1 is mapped twice.</source>
        <translation>按键 %1 被映射了两次。</translation>
    </message>
    <message>
        <source>The key mapping is empty.</source>
        <translation>按键映射为空。</translation>
    </message>
    <message>
        <source>The evaluator pad on %1 could not be opened: %2.</source>
        <translation>无法打开 %1 上的评价器：%2。</translation>
    </message>
    <message>
        <source>The connection to the evaluator pad on %1 was lost: %2.</source>
        <translation>与 %1 上的评价器的连接已断开：%2。</translation>
    </message>
    <message>
        <source>Sending to the evaluator pad on %1 failed: %2.</source>
        <translation>向 %1 上的评价器发送数据失败：%2。</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>The applicant did not rate the service in time.</source>
        <translation>申请人未在规定时间内评价。</translation>
    </message>
    <message>
        <source>The rating request was cancelled.</source>
        <translation>评价请求已取消。</translation>
    </message>
    <message>
        <source>The evaluator pad is not available.</source>
        <translation>评价器不可用。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::idcard</name>
    <message>
        <source>No frame has arrived from the reader.</source>
        <translation>未收到读卡器发来的数据帧。</translation>
    </message>
    <message numerus="yes">
        <source>The reader&apos;s reply was cut off after %n byte(s), before its length arrived.</source>
        <translation>
            <numerusform>读卡器的应答在 %n 字节后中断，尚未收到长度字段。</numerusform>
        </translation>
    </message>
    <message>
        <source>The reader&apos;s reply was cut off: %1 of its %2 bytes arrived.</source>
        <translation>读卡器的应答不完整：%2 字节中只收到 %1 字节。</translation>
    </message>
    <message>
        <source>The reader sent a frame with an impossible length of %1 bytes (allowed: %2 to %3).</source>
        <translation>读卡器发来的数据帧长度为 %1 字节，这不可能（允许范围：%2 至 %3）。</translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card (2023)</source>
        <translation>外国人永久居留身份证（2023 版）</translation>
    </message>
    <message>
        <source>Unknown card type &apos;%1&apos;; use mainland, hk-macao-taiwan, foreign-permanent or foreign-permanent-2023.</source>
        <translation>未知证件类型“%1”；请使用 mainland、hk-macao-taiwan、foreign-permanent 或 foreign-permanent-2023。</translation>
    </message>
    <message>
        <source>Unknown sex &apos;%1&apos;; use 男, 女 or a code.</source>
        <translation>未知性别“%1”；请使用 男、女 或代码。</translation>
    </message>
    <message>
        <source>Unknown nation &apos;%1&apos;.</source>
        <translation>未知民族“%1”。</translation>
    </message>
    <message>
        <source>The photo is not valid base64.</source>
        <translation>照片不是有效的 base64 数据。</translation>
    </message>
    <message>
        <source>The fingerprint data is not valid base64.</source>
        <translation>指纹数据不是有效的 base64 数据。</translation>
    </message>
    <message>
        <source>The card file %1 could not be read: %2.</source>
        <translation>无法读取卡片文件 %1：%2。</translation>
    </message>
    <message>
        <source>The card file is not a JSON object: %1.</source>
        <translation>卡片文件不是 JSON 对象：%1。</translation>
    </message>
    <message>
        <source>unknown sex code &apos;%1&apos;</source>
        <translation>未知性别代码“%1”</translation>
    </message>
    <message>
        <source>unknown nation code &apos;%1&apos;</source>
        <translation>未知民族代码“%1”</translation>
    </message>
    <message>
        <source>The card&apos;s text block has %1 bytes; a second-generation ID card has %2.</source>
        <translation>卡片的文字信息块为 %1 字节；第二代身份证应为 %2 字节。</translation>
    </message>
    <message>
        <source>The card is of a type this software does not know (mark %1 at byte 248); it reads resident ID cards, residence permits for Hong Kong, Macao and Taiwan residents, and foreign permanent resident ID cards.</source>
        <translation>卡片类型未知（第 248 字节处的标记为 %1）；本软件可读取居民身份证、港澳台居民居住证和外国人永久居留身份证。</translation>
    </message>
    <message numerus="yes">
        <source>The card data is too short (%n byte(s)) to say how long its text and photo are.</source>
        <translation>
            <numerusform>卡片数据过短（%n 字节），无法确定文字和照片的长度。</numerusform>
        </translation>
    </message>
    <message>
        <source>The card data says its text has %1 bytes and its photo %2, which does not fit the %3 bytes that arrived.</source>
        <translation>卡片数据标明文字为 %1 字节、照片为 %2 字节，与实际收到的 %3 字节不符。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long for its place on the card (%2 characters at byte %3).</source>
        <translation>“%1”超出了其在卡片上的长度（第 %3 字节起 %2 个字符）。</translation>
    </message>
    <message>
        <source>The USB ID card reader %1 is in use by another program or driver: %2.</source>
        <translation>USB 身份证读卡器 %1 正被其他程序或驱动占用：%2。</translation>
    </message>
    <message>
        <source>Sending to the USB ID card reader %1 failed: %2.</source>
        <translation>向 USB 身份证读卡器 %1 发送数据失败：%2。</translation>
    </message>
    <message>
        <source>Reading from the USB ID card reader %1 failed: %2.</source>
        <translation>从 USB 身份证读卡器 %1 读取数据失败：%2。</translation>
    </message>
    <message>
        <source>USB is not available on this computer: %1.</source>
        <translation>本机无法使用 USB：%1。</translation>
    </message>
    <message>
        <source>This user may not use the USB ID card reader %1; the system administrator has to allow access to it (a udev rule on Linux).</source>
        <translation>当前用户无权使用 USB 身份证读卡器 %1；需由系统管理员授予访问权限（Linux 上为 udev 规则）。</translation>
    </message>
    <message>
        <source>The USB ID card reader %1 could not be opened: %2.</source>
        <translation>无法打开 USB 身份证读卡器 %1：%2。</translation>
    </message>
    <message>
        <source>A pseudo-terminal could not be created: %1.</source>
        <translation>无法创建伪终端：%1。</translation>
    </message>
    <message>
        <source>The pseudo-terminal could not be opened: %1.</source>
        <translation>无法打开伪终端：%1。</translation>
    </message>
    <message>
        <source>Writing to the pseudo-terminal failed: %1.</source>
        <translation>写入伪终端失败：%1。</translation>
    </message>
    <message>
        <source>The ID card reader (%1) is not connected.</source>
        <translation>身份证读卡器（%1）未连接。</translation>
    </message>
    <message>
        <source>The ID card reader (%1) did not answer within %2 ms; check that it is connected and switched on.</source>
        <translation>身份证读卡器（%1）在 %2 毫秒内没有应答；请检查是否已连接并开机。</translation>
    </message>
    <message>
        <source>The frame is too short: %1 bytes, but a frame of the ID card reader has at least %2.</source>
        <translation>数据帧过短：只有 %1 字节，而身份证读卡器的数据帧至少有 %2 字节。</translation>
    </message>
    <message>
        <source>The frame does not start with the ID card reader&apos;s preamble AA AA AA 96 69 (it starts with %1).</source>
        <translation>数据帧不是以身份证读卡器的帧头 AA AA AA 96 69 开始（实际开头为 %1）。</translation>
    </message>
    <message>
        <source>The frame&apos;s length field says %1 bytes follow, but %2 bytes do.</source>
        <translation>数据帧的长度字段表明其后有 %1 字节，实际有 %2 字节。</translation>
    </message>
    <message>
        <source>The frame&apos;s checksum is %1, but its bytes give %2: the frame is damaged or its length is wrong.</source>
        <translation>数据帧的校验和为 %1，但按其内容计算为 %2：数据帧已损坏或长度有误。</translation>
    </message>
    <message>
        <source>The request is too short to carry a command and its parameter.</source>
        <translation>请求过短，无法包含命令及其参数。</translation>
    </message>
    <message>
        <source>The reply is too short to carry the three status bytes SW1 SW2 SW3.</source>
        <translation>应答过短，无法包含 SW1 SW2 SW3 三个状态字节。</translation>
    </message>
    <message>
        <source>The reader completed the command.</source>
        <translation>读卡器已执行完命令。</translation>
    </message>
    <message>
        <source>The card has no content of the kind requested.</source>
        <translation>卡中没有所请求类型的内容。</translation>
    </message>
    <message>
        <source>An ID card is on the reader.</source>
        <translation>读卡器上有身份证。</translation>
    </message>
    <message>
        <source>The reader received a request with a wrong checksum.</source>
        <translation>读卡器收到的请求校验和错误。</translation>
    </message>
    <message>
        <source>The reader received a request with a wrong length.</source>
        <translation>读卡器收到的请求长度错误。</translation>
    </message>
    <message>
        <source>The reader does not know the command it was sent.</source>
        <translation>读卡器无法识别收到的命令。</translation>
    </message>
    <message>
        <source>The reader refused the command: it is not authorised.</source>
        <translation>读卡器拒绝执行命令：未经授权。</translation>
    </message>
    <message>
        <source>The reader reported an unknown error.</source>
        <translation>读卡器报告了未知错误。</translation>
    </message>
    <message>
        <source>The card did not accept the reader&apos;s security module: the card may be forged or damaged.</source>
        <translation>卡片未通过对读卡器安全模块的认证：卡片可能是伪造的或已损坏。</translation>
    </message>
    <message>
        <source>The reader&apos;s security module did not accept the card: the card may be forged or damaged.</source>
        <translation>读卡器安全模块未通过对卡片的认证：卡片可能是伪造的或已损坏。</translation>
    </message>
    <message>
        <source>The card could not be verified.</source>
        <translation>无法验证卡片。</translation>
    </message>
    <message>
        <source>The card on the reader is not a second-generation ID card or a card type the reader knows.</source>
        <translation>读卡器上的卡片不是第二代身份证，也不是读卡器可识别的证件类型。</translation>
    </message>
    <message>
        <source>Reading the card failed; it may have been moved. Place it flat on the reader again.</source>
        <translation>读卡失败，卡片可能被移动过。请将其重新平放在读卡器上。</translation>
    </message>
    <message>
        <source>The card did not produce the random number the reader asked for.</source>
        <translation>卡片未返回读卡器请求的随机数。</translation>
    </message>
    <message>
        <source>The reader&apos;s security module (SAM) failed its self-test; the reader needs service.</source>
        <translation>读卡器安全模块（SAM）自检失败；读卡器需要维修。</translation>
    </message>
    <message>
        <source>The reader&apos;s security module (SAM) is not authorised; the reader needs service.</source>
        <translation>读卡器安全模块（SAM）未经授权；读卡器需要维修。</translation>
    </message>
    <message>
        <source>No ID card was found on the reader.</source>
        <translation>读卡器上未找到身份证。</translation>
    </message>
    <message>
        <source>The ID card on the reader could not be selected.</source>
        <translation>无法选中读卡器上的身份证。</translation>
    </message>
    <message>
        <source>%1 (status %2)</source>
        <translation>%1（状态 %2）</translation>
    </message>
    <message>
        <source>The reader answered with an unknown status %1.</source>
        <translation>读卡器返回了未知状态 %1。</translation>
    </message>
    <message>
        <source>The ID card reader on %1 could not be opened: %2.</source>
        <translation>无法打开 %1 上的身份证读卡器：%2。</translation>
    </message>
    <message>
        <source>The ID card reader on %1 is not open.</source>
        <translation>%1 上的身份证读卡器未打开。</translation>
    </message>
    <message>
        <source>Sending to the ID card reader on %1 failed: %2.</source>
        <translation>向 %1 上的身份证读卡器发送数据失败：%2。</translation>
    </message>
    <message>
        <source>The connection to the ID card reader on %1 was lost: %2.</source>
        <translation>与 %1 上的身份证读卡器的连接已断开：%2。</translation>
    </message>
    <message>
        <source>serial port %1</source>
        <translation>串口 %1</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>No USB ID card reader is plugged in (looked for %1).</source>
        <translation>未插入 USB 身份证读卡器（已查找 %1）。</translation>
    </message>
    <message>
        <source>The USB ID card reader is not open.</source>
        <translation>USB 身份证读卡器未打开。</translation>
    </message>
    <message>
        <source>The USB ID card reader took %1 of %2 bytes sent to endpoint %3.</source>
        <translation>USB 身份证读卡器在端点 %3 只接收了发送的 %2 字节中的 %1 字节。</translation>
    </message>
    <message>
        <source>USB reader %1</source>
        <translation>USB 读卡器 %1</translation>
    </message>
    <message>
        <source>the photo decoding library %1 is not installed (%2)</source>
        <translation>未安装照片解码库 %1（%2）</translation>
    </message>
    <message>
        <source>the photo decoding library %1 has no function %2</source>
        <translation>照片解码库 %1 中没有函数 %2</translation>
    </message>
    <message>
        <source>The photo is not available: the card gave %1 bytes of photo data instead of %2.</source>
        <translation>无法获取照片：卡片给出的照片数据为 %1 字节，而不是 %2 字节。</translation>
    </message>
    <message>
        <source>The photo is not available: the decoding library returned %1.</source>
        <translation>无法获取照片：解码库返回了 %1。</translation>
    </message>
    <message>
        <source>The photo is not available: the decoding library did not produce a BMP image.</source>
        <translation>无法获取照片：解码库未生成 BMP 图像。</translation>
    </message>
    <message>
        <source>The photo is not available: %1.</source>
        <translation>无法获取照片：%1。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>issuing authority</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <source>start of validity</source>
        <translation>有效期起始日期</translation>
    </message>
    <message>
        <source>end of validity</source>
        <translation>有效期截止日期</translation>
    </message>
    <message>
        <source>pass number</source>
        <translation>通行证号码</translation>
    </message>
    <message>
        <source>issue count</source>
        <translation>签发次数</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>card version</source>
        <translation>证件版本</translation>
    </message>
    <message>
        <source>renewal count</source>
        <translation>换证次数</translation>
    </message>
    <message>
        <source>previous card link</source>
        <translation>既往版本证件关联信息</translation>
    </message>
    <message>
        <source>The card&apos;s %1 holds a control character or a damaged character at position %2 (“%3”); the card cannot be used as read.</source>
        <translation>证件的“%1”在第 %2 个字符处含有控制字符或损坏的字符（“%3”），读到的内容不能使用。</translation>
    </message>
    <message>
        <source>The card&apos;s %1 has %2 characters; the card has room for %3.</source>
        <translation>证件的“%1”有 %2 个字符，证件上最多只能容纳 %3 个。</translation>
    </message>
    <message>
        <source>The card&apos;s %1 “%2” is not a date (the card writes dates as YYYYMMDD, e.g. 19900307).</source>
        <translation>证件的“%1”“%2”不是有效日期（证件上的日期写作 YYYYMMDD，例如 19900307）。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::idcard::IdCardReaderWorker</name>
    <message>
        <source>The ID card reader (%1) is not connected.</source>
        <translation>身份证读卡器（%1）未连接。</translation>
    </message>
    <message>
        <source>%1 Lift the card and place it on the reader again.</source>
        <translation>%1请拿起卡片，重新放到读卡器上。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::receipt</name>
    <message>
        <source>no CUPS queue is configured</source>
        <translation>未配置 CUPS 打印队列</translation>
    </message>
    <message>
        <source>the program lp could not be started: %1</source>
        <translation>无法启动 lp 程序：%1</translation>
    </message>
    <message>
        <source>lp crashed</source>
        <translation>lp 程序崩溃</translation>
    </message>
    <message>
        <source>CUPS queue %1</source>
        <translation>CUPS 打印队列 %1</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>Byte %1 of the print job: %2</source>
        <translation>打印任务第 %1 字节：%2</translation>
    </message>
    <message>
        <source>the command is cut short.</source>
        <translation>命令不完整。</translation>
    </message>
    <message>
        <source>unknown command %1.</source>
        <translation>未知命令 %1。</translation>
    </message>
    <message>
        <source>The receipt image is empty.</source>
        <translation>凭条图像为空。</translation>
    </message>
    <message>
        <source>The receipt image is %1 dots wide, but the paper holds only %2 dots a line.</source>
        <translation>凭条图像宽 %1 点，但纸张每行只能容纳 %2 点。</translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;, but it must be one of: %3.</source>
        <translation>设置项 %1 的值为“%2”，但必须是以下之一：%3。</translation>
    </message>
    <message>
        <source>The setting %1 is &apos;%2&apos;, but it must be a whole number from %3 to %4.</source>
        <translation>设置项 %1 的值为“%2”，但必须是 %3 至 %4 之间的整数。</translation>
    </message>
    <message>
        <source>simulated receipt printer</source>
        <translation>模拟凭条打印机</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The receipt was sent to the printer.</source>
        <translation>凭条已发送到打印机。</translation>
    </message>
    <message>
        <source>The receipt could not be printed because its image is empty or wider than the paper.</source>
        <translation>凭条图像为空或比纸张宽，无法打印。</translation>
    </message>
    <message>
        <source>The receipt printer was not found. Check that it is switched on and connected.</source>
        <translation>未找到凭条打印机。请检查是否已开机并连接。</translation>
    </message>
    <message>
        <source>This user may not use the receipt printer. Ask IT to grant access to the device.</source>
        <translation>当前用户无权使用凭条打印机。请联系信息技术人员授予设备访问权限。</translation>
    </message>
    <message>
        <source>Sending the receipt to the printer failed. Check paper, cover and cable.</source>
        <translation>凭条发送到打印机失败。请检查纸张、机盖和连接线。</translation>
    </message>
    <message>
        <source>The print system did not answer in time.</source>
        <translation>打印系统未及时响应。</translation>
    </message>
    <message>
        <source>The print system refused the receipt.</source>
        <translation>打印系统拒绝了该凭条。</translation>
    </message>
    <message>
        <source>This kind of receipt printer connection is not available on this computer.</source>
        <translation>本机不支持此种凭条打印机连接方式。</translation>
    </message>
    <message>
        <source>Windows printer %1</source>
        <translation>Windows 打印机 %1</translation>
    </message>
    <message>
        <source>OneWindow receipt</source>
        <translation>一窗受理凭条</translation>
    </message>
    <message>
        <source>%1 took %2 of %3 bytes</source>
        <translation>%1 只接收了 %3 字节中的 %2 字节</translation>
    </message>
</context>
<context>
    <name>ow::drivers::scanner</name>
    <message>
        <source>A code was read from the image.</source>
        <translation>已从图像中识别出条码或二维码。</translation>
    </message>
    <message>
        <source>No readable code was found in the image. Hold the code flat, fully in view and in focus.</source>
        <translation>图像中未找到可识别的条码或二维码。请将码放平，完整置于画面中并对准焦点。</translation>
    </message>
    <message>
        <source>There is no image to read a code from.</source>
        <translation>没有可供识别的图像。</translation>
    </message>
    <message>
        <source>This installation cannot read codes from camera images.</source>
        <translation>当前安装不支持从摄像头图像中识别条码或二维码。</translation>
    </message>
    <message>
        <source>The scanner on %1 could not be opened: %2.</source>
        <translation>无法打开 %1 上的扫码枪：%2。</translation>
    </message>
    <message>
        <source>The connection to the scanner on %1 was lost: %2.</source>
        <translation>与 %1 上的扫码枪的连接已断开：%2。</translation>
    </message>
    <message>
        <source>use keyboard, serial or none.</source>
        <translation>请使用 keyboard、serial 或 none。</translation>
    </message>
    <message>
        <source>a serial scanner needs a port, such as /dev/ttyACM0 or COM4.</source>
        <translation>串口扫码枪需要指定端口，例如 /dev/ttyACM0 或 COM4。</translation>
    </message>
</context>
<context>
    <name>ow::drivers::serial</name>
    <message>
        <source>&apos;%1&apos; is not a serial frame: write data bits, parity and stop bits, for example 8N1.</source>
        <translation>“%1”不是有效的串口帧格式：请写数据位、校验位和停止位，例如 8N1。</translation>
    </message>
</context>
<context>
    <name>ow::editorui::AuthoringTools</name>
    <message>
        <source>New &amp;matter…</source>
        <translation>新建事项(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Import a material table…</source>
        <translation>导入材料清单(&amp;I)…</translation>
    </message>
    <message>
        <source>Pre&amp;view at the counter</source>
        <translation>预览窗口受理(&amp;V)</translation>
    </message>
    <message>
        <source>Open a catalogue first.</source>
        <translation>请先打开一个目录。</translation>
    </message>
    <message>
        <source>New matter %1</source>
        <translation>新建事项 %1</translation>
    </message>
    <message>
        <source>Matter %1 added in %2; it is written when you save (Ctrl+Z takes it back).</source>
        <translation>已在 %2 中新建事项 %1，保存时写入（可按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <source>Choose the matter to import into in the tree first (the matter or an entry inside it).</source>
        <translation>请先在目录结构中选择要导入的事项（事项本身或其中的任一条目）。</translation>
    </message>
    <message>
        <source>Import a material table into %1</source>
        <translation>将材料清单导入 %1</translation>
    </message>
    <message>
        <source>Material tables (*.csv *.xlsx);;All files (*)</source>
        <translation>材料清单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1: %n requirement(s) added to %2; written when you save (Ctrl+Z takes it back).</source>
        <translation>
            <numerusform>已从 %1 导入：为 %2 新增 %n 项材料要求，保存时写入（可按 Ctrl+Z 撤销）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
</context>
<context>
    <name>ow::editorui::CatalogueTree</name>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Catalogue and departments</source>
        <translation>目录与部门</translation>
    </message>
    <message>
        <source>Material library</source>
        <translation>材料库</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>一件事</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>[when %1]</source>
        <translation>〔条件：%1〕</translation>
    </message>
</context>
<context>
    <name>ow::editorui::ConditionBuilder</name>
    <message>
        <source>and: all rows hold</source>
        <translation>且：各行全部成立</translation>
    </message>
    <message>
        <source>or: any row holds</source>
        <translation>或：任一行成立</translation>
    </message>
    <message>
        <source>How the rows (or the groups of rows) are joined. The rows of one group are joined by the other word, in brackets.</source>
        <translation>各行（或各组）之间的连接方式。同一组内的各行以另一个连接词连接，并加括号。</translation>
    </message>
    <message>
        <source>Add a &amp;line</source>
        <translation>添加一行(&amp;L)</translation>
    </message>
    <message>
        <source>Add a row to the condition (Insert in the list)</source>
        <translation>为条件添加一行（在列表中按 Insert）</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <source>Remove the selected row (Delete in the list)</source>
        <translation>删除选中的行（在列表中按 Delete）</translation>
    </message>
    <message>
        <source>Rows with the same group number are put in brackets together and joined by the other word: with “and” between groups, the rows of a group are joined by “or”.</source>
        <translation>组号相同的各行放在同一对括号内，以另一个连接词连接：各组之间为“且”时，组内各行以“或”连接。</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>Write the condition into the entry&apos;s file (Enter); Ctrl+Z undoes it</source>
        <translation>将条件写入条目所在文件（回车）；按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>&amp;Join:</source>
        <translation>连接(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <source>Gro&amp;up:</source>
        <translation>组(&amp;U)：</translation>
    </message>
    <message>
        <source>Relati&amp;on:</source>
        <translation>关系(&amp;O)：</translation>
    </message>
    <message>
        <source>C&amp;hoices:</source>
        <translation>选项(&amp;H)：</translation>
    </message>
    <message>
        <source>Num&amp;ber:</source>
        <translation>数值(&amp;B)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Written as:</source>
        <translation>写法(&amp;W)：</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>（无问题）</translation>
    </message>
    <message>
        <source>unknown question %1</source>
        <translation>未知问题 %1</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>允许范围：%1</translation>
    </message>
    <message>
        <source>Character %1: %2</source>
        <translation>第 %1 个字符：%2</translation>
    </message>
    <message>
        <source>The condition is as written.</source>
        <translation>条件与文件中一致，无需应用。</translation>
    </message>
    <message>
        <source>Con&amp;dition rows:</source>
        <translation>条件行(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>ow::editorui::ConditionLabels</name>
    <message>
        <source>always holds</source>
        <translation>始终成立</translation>
    </message>
    <message>
        <source>never holds</source>
        <translation>从不成立</translation>
    </message>
    <message>
        <source>is</source>
        <translation>是</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>不是</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>都不是</translation>
    </message>
    <message>
        <source>is any of</source>
        <translation>是其中之一</translation>
    </message>
    <message>
        <source>does not include</source>
        <translation>不包含</translation>
    </message>
    <message>
        <source>includes</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>includes none of</source>
        <translation>都不包含</translation>
    </message>
    <message>
        <source>includes any of</source>
        <translation>包含其中之一</translation>
    </message>
    <message>
        <source>is not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>is answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>&lt; less than</source>
        <translation>&lt; 小于</translation>
    </message>
    <message>
        <source>≤ at most</source>
        <translation>≤ 小于或等于</translation>
    </message>
    <message>
        <source>&gt; more than</source>
        <translation>&gt; 大于</translation>
    </message>
    <message>
        <source>≥ at least</source>
        <translation>≥ 大于或等于</translation>
    </message>
    <message>
        <source>= equal to</source>
        <translation>= 等于</translation>
    </message>
    <message>
        <source>≠ not equal to</source>
        <translation>≠ 不等于</translation>
    </message>
    <message>
        <source>range a %1 x %2 b</source>
        <translation>范围 a %1 x %2 b</translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>并非（%1）</translation>
    </message>
    <message>
        <source>and</source>
        <translation>且</translation>
    </message>
    <message>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <source>unknown question %1</source>
        <translation>未知问题 %1</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>(choose an option)</source>
        <translation>（请选择选项）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ow::editorui::EditorWindow</name>
    <message>
        <source>&amp;Catalogue:</source>
        <translation>目录结构(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>检查问题(&amp;P)</translation>
    </message>
    <message>
        <source>Chan&amp;ges for the counters</source>
        <translation>对窗口的影响(&amp;G)</translation>
    </message>
    <message>
        <source>Change the text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Change the id</source>
        <translation>修改标识</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open catalogue folder…</source>
        <translation>打开目录文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a catalogue folder</source>
        <translation>打开目录文件夹</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Show the &amp;changes for the counters</source>
        <translation>查看对窗口的影响(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add an entry after this one</source>
        <translation>在其后添加同级条目(&amp;A)</translation>
    </message>
    <message>
        <source>Add an entry &amp;inside this one</source>
        <translation>在其中添加下级条目(&amp;I)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete the entry</source>
        <translation>删除条目(&amp;L)</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>检查(&amp;K)</translation>
    </message>
    <message>
        <source>Check the &amp;whole catalogue</source>
        <translation>检查整个目录(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Next problem</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>没有发现问题。</translation>
    </message>
    <message>
        <source>Cannot open the catalogue: %1</source>
        <translation>无法打开目录：%1</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 (%n files).</source>
        <translation>
            <numerusform>已打开 %1（共 %n 个文件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an entry in the tree first.</source>
        <translation>请先在目录结构中选择一个条目。</translation>
    </message>
    <message>
        <source>A %1 has no entries inside it; add its attributes in the form.</source>
        <translation>“%1”下没有下级条目；请在右侧表单中填写其属性。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>Deleted; Ctrl+Z brings it back.</source>
        <translation>已删除；按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>%1:%2 is not an entry of the tree (see the file itself).</source>
        <translation>%1:%2 不属于目录结构中的任何条目（请直接查看该文件）。</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>&amp;Problems (%1)</source>
        <translation>检查问题(&amp;P)（%1）</translation>
    </message>
    <message>
        <source>No situation gains or loses a material.</source>
        <translation>没有办事情形增加或减少材料。</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Files to write: %1</source>
        <translation>将写入的文件：%1</translation>
    </message>
    <message>
        <source>… and more (see Changes for the counters)</source>
        <translation>……（其余见“对窗口的影响”）</translation>
    </message>
    <message>
        <source>new situation</source>
        <translation>新增情形</translation>
    </message>
    <message>
        <source>situation removed</source>
        <translation>情形取消</translation>
    </message>
    <message>
        <source>gains %1</source>
        <translation>增加%1</translation>
    </message>
    <message>
        <source>loses %1</source>
        <translation>减少%1</translation>
    </message>
    <message>
        <source>asks differently for %1</source>
        <translation>%1的要求有变化</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n situation(s) change for the counters:</source>
        <translation>
            <numerusform>窗口受理时有 %n 个办事情形发生变化：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The catalogue still has %n error(s): it cannot be published until they are corrected.</source>
        <translation>
            <numerusform>目录仍有 %n 个错误，改正前不能发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the catalogue</source>
        <translation>保存目录</translation>
    </message>
    <message numerus="yes">
        <source>Save %n changed file(s)?</source>
        <translation>
            <numerusform>保存 %n 个已修改的文件？</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s).</source>
        <translation>
            <numerusform>已保存 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Give up the changes not saved?</source>
        <translation>放弃尚未保存的修改？</translation>
    </message>
    <message>
        <source>Changed files: %1</source>
        <translation>已修改的文件：%1</translation>
    </message>
    <message>
        <source>&amp;Give up the changes</source>
        <translation>放弃修改(&amp;G)</translation>
    </message>
    <message>
        <source>no catalogue open</source>
        <translation>未打开目录</translation>
    </message>
    <message>
        <source>OneWindow catalogue editor — %1[*]</source>
        <translation>一窗受理目录编辑器 — %1[*]</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>Change the condition</source>
        <translation>修改条件</translation>
    </message>
    <message>
        <source>Edit the sample&apos;s &amp;marks…</source>
        <translation>编辑示例标注(&amp;M)…</translation>
    </message>
    <message>
        <source>Add a required ma&amp;terial to the matter</source>
        <translation>为事项添加所需材料(&amp;T)</translation>
    </message>
    <message>
        <source>Choose a matter or an entry inside it first.</source>
        <translation>请先在目录结构中选择一个事项或其中的条目。</translation>
    </message>
    <message>
        <source>Add a fre&amp;quently asked question</source>
        <translation>添加常见问题(&amp;Q)</translation>
    </message>
    <message>
        <source>Choose a matter or a bundle, or an entry inside it, first.</source>
        <translation>请先选择一个事项或一件事，或其中的条目。</translation>
    </message>
</context>
<context>
    <name>ow::editorui::FaqProposalsDialog</name>
    <message>
        <source>Frequent questions from the counters</source>
        <translation>常见问题建议</translation>
    </message>
    <message>
        <source>Questions the hall&apos;s counters recorded at least three times in the last 90 days, most asked first. Adopt one to add it to its matter&apos;s FAQ, then edit it and submit for review as usual.</source>
        <translation>最近 90 天内本大厅各窗口记录三次及以上的咨询问题，按被问次数排列。采纳后即加入该事项的常见问题，再照常修改并提交审核。</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Answers given</source>
        <translation>窗口答复</translation>
    </message>
    <message>
        <source>A&amp;nswer to write:</source>
        <translation>写入的答复(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Adopt (Enter)</source>
        <translation>采纳（Enter）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The proposals could not be read: %1</source>
        <translation>无法读取常见问题建议：%1</translation>
    </message>
    <message>
        <source>(already a FAQ)</source>
        <translation>（已在常见问题中）</translation>
    </message>
    <message>
        <source>Also asked as: %1</source>
        <translation>其他问法：%1</translation>
    </message>
    <message>
        <source>No question of this catalogue&apos;s matters was recorded often enough yet.</source>
        <translation>本目录的事项暂无达到次数的咨询问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) for this catalogue&apos;s matters.</source>
        <translation>
            <numerusform>本目录的事项共有 %n 条常见问题建议。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a proposal first.</source>
        <translation>请先选择一条建议。</translation>
    </message>
    <message>
        <source>Write the answer the FAQ gives.</source>
        <translation>请填写常见问题的答复。</translation>
    </message>
    <message>
        <source>Matter %1 is not in the open catalogue.</source>
        <translation>打开的目录中没有事项 %1。</translation>
    </message>
    <message>
        <source>Adopt the frequent question</source>
        <translation>采纳常见问题</translation>
    </message>
    <message>
        <source>Added to the FAQ of %1: edit the question and answer in the form, then submit for review.</source>
        <translation>已加入“%1”的常见问题：请在表单中修改问题和答复，再提交审核。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ow::editorui::ImportTableDialog</name>
    <message>
        <source>Import a material table into %1</source>
        <translation>将材料清单导入 %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Material or column</source>
        <translation>材料或列</translation>
    </message>
    <message>
        <source>What the import does</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>&amp;Import into the matter</source>
        <translation>导入该事项(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Loading the catalogue as edited…</source>
        <translation>正在读取编辑中的目录…</translation>
    </message>
    <message>
        <source>Mapping the table&apos;s rows onto the matter…</source>
        <translation>正在将各行对应到事项…</translation>
    </message>
    <message>
        <source>Checking the catalogue with the import…</source>
        <translation>正在检查导入后的目录…</translation>
    </message>
    <message>
        <source>The table cannot be imported: %1</source>
        <translation>无法导入该表：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Rows refused</source>
        <translation>不能导入的行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>the whole row</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>Errors the import would bring</source>
        <translation>导入后将产生的错误</translation>
    </message>
    <message>
        <source>Materials created</source>
        <translation>新建的材料</translation>
    </message>
    <message>
        <source>Materials reused from the library</source>
        <translation>沿用材料库中的材料</translation>
    </message>
    <message>
        <source>Requirements added to the matter</source>
        <translation>为事项新增的材料要求</translation>
    </message>
    <message>
        <source>in every situation (basic material)</source>
        <translation>所有情形均需提交（基本材料）</translation>
    </message>
    <message>
        <source>when: %1</source>
        <translation>适用条件：%1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Warnings in the imported lines</source>
        <translation>导入内容中的警告</translation>
    </message>
    <message>
        <source>%1: header on row %2, %3 rows under it.</source>
        <translation>%1：第 %2 行为表头，其下共 %3 行。</translation>
    </message>
    <message>
        <source>Columns ignored: %1.</source>
        <translation>未识别的列：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported, so nothing is: correct them in the table (or the catalogue) and import again.</source>
        <translation>
            <numerusform>有 %n 行不能导入，因此整张表均未导入：请在表格（或目录）中改正后重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>The import would bring errors into the catalogue, so nothing is imported.</source>
        <translation>导入后目录将出现错误，因此整张表均未导入。</translation>
    </message>
    <message>
        <source>The table adds nothing to the matter.</source>
        <translation>该表没有为事项新增任何内容。</translation>
    </message>
    <message>
        <source>Importing adds these lines to the open catalogue as one step (Ctrl+Z takes it back); nothing is written until you save.</source>
        <translation>导入后，以上内容作为一步修改加入当前目录（可按 Ctrl+Z 撤销）；保存前不会写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ow::editorui::Keyword</name>
    <message>
        <source>Catalogue</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>情形问题</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Required material</source>
        <translation>所需材料</translation>
    </message>
    <message>
        <source>Screening outcome</source>
        <translation>筛查结论</translation>
    </message>
    <message>
        <source>Form review point</source>
        <translation>形式审查要点</translation>
    </message>
    <message>
        <source>Content review point</source>
        <translation>内容审查要点</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>办件类型</translation>
    </message>
    <message>
        <source>Promised days</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Legal days</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>办件频度</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Main item</source>
        <translation>主项</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>设定依据</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>所需材料</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>材料类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>材料形式</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>介质</translation>
    </message>
    <message>
        <source>Data-shared</source>
        <translation>数据共享</translation>
    </message>
    <message>
        <source>Waivable</source>
        <translation>容缺</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Common error</source>
        <translation>常见错误</translation>
    </message>
    <message>
        <source>Prerequisite</source>
        <translation>前后置</translation>
    </message>
    <message>
        <source>Blank form</source>
        <translation>空表</translation>
    </message>
    <message>
        <source>Content outline</source>
        <translation>内容框架</translation>
    </message>
    <message>
        <source>Reference text</source>
        <translation>参照样本</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头部门</translation>
    </message>
    <message>
        <source>Preset answer</source>
        <translation>预设答案</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Frequently asked question</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
</context>
<context>
    <name>ow::editorui::NewMatterDialog</name>
    <message>
        <source>New matter</source>
        <translation>新建事项</translation>
    </message>
    <message>
        <source>e.g. 330302-WJ-009</source>
        <translation>例如 330302-WJ-009</translation>
    </message>
    <message>
        <source>Promised case (承诺件)</source>
        <translation>承诺件</translation>
    </message>
    <message>
        <source>Immediate case (即办件)</source>
        <translation>即办件</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>事项编码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>事项名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>所属部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>办件类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Promised working days:</source>
        <translation>承诺时限（工作日）(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>新建(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The matter goes into a file of its own in matters/. The live lint then says what it still needs: its materials (require lines) and questions.</source>
        <translation>新事项单独存入 matters/ 下的一个文件。新建后，实时检查会提示它还缺少的内容：所需材料（require 行）和情形问题。</translation>
    </message>
    <message>
        <source>It will be written into %1 when you save.</source>
        <translation>保存时写入 %1。</translation>
    </message>
</context>
<context>
    <name>ow::editorui::NodeForm</name>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>内容(&amp;X)：</translation>
    </message>
    <message>
        <source>A&amp;ttributes:</source>
        <translation>属性(&amp;T)：</translation>
    </message>
    <message>
        <source>As written:</source>
        <translation>文件原文：</translation>
    </message>
    <message>
        <source>Choose an entry in the tree</source>
        <translation>请在左侧目录结构中选择条目</translation>
    </message>
    <message>
        <source>Add an attribute (&amp;N)</source>
        <translation>添加属性(&amp;N)</translation>
    </message>
    <message>
        <source>Delete the attribute</source>
        <translation>删除此属性</translation>
    </message>
</context>
<context>
    <name>ow::editorui::PreviewWindow</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Choose a matter or a bundle in the tree (or an entry inside one), then press F5.</source>
        <translation>请先在目录结构中选择一个事项或一件事（或其中的任一条目），再按 F5。</translation>
    </message>
    <message>
        <source>The catalogue as edited cannot be loaded, so there is no interview to show. Correct these errors (the problems panel leads to each), and the preview comes back by itself:</source>
        <translation>编辑中的目录无法读取，暂时无法预览受理界面。请改正以下错误（在“检查问题”中可逐条定位），改正后预览自动恢复：</translation>
    </message>
    <message>
        <source>The catalogue as edited has no bundle %1.</source>
        <translation>编辑中的目录没有一件事 %1。</translation>
    </message>
    <message>
        <source>The catalogue as edited has no matter %1.</source>
        <translation>编辑中的目录没有事项 %1。</translation>
    </message>
    <message>
        <source>Preview — %1</source>
        <translation>预览 — %1</translation>
    </message>
    <message>
        <source>Preview: the counter&apos;s interview and checklist on the catalogue as edited, changes not yet saved included. Nothing is recorded. After an edit it comes back with the answers that still fit. Esc closes it.</source>
        <translation>预览：按编辑中的目录（含尚未保存的修改）显示窗口的情形问题和材料清单，不记录任何办件。修改目录后自动刷新，仍然适用的回答予以保留。按 Esc 关闭。</translation>
    </message>
    <message>
        <source>Preview: nothing to show.</source>
        <translation>预览：暂无可显示的内容。</translation>
    </message>
</context>
<context>
    <name>ow::editorui::ProblemsPanel</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ow::editorui::ReviewLabels</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>returned to the editor</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>reviewed, awaiting acceptance walks</source>
        <translation>评审通过，待模拟受理</translation>
    </message>
    <message>
        <source>walked, awaiting back office sign-off</source>
        <translation>模拟受理完成，待后台签核</translation>
    </message>
    <message>
        <source>accepted, awaiting publication</source>
        <translation>已签核，待发布</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>立 (new)</source>
        <translation>立（新设）</translation>
    </message>
    <message>
        <source>改 (amended)</source>
        <translation>改（修改）</translation>
    </message>
    <message>
        <source>废 (repealed)</source>
        <translation>废（废止）</translation>
    </message>
    <message>
        <source>释 (interpreted)</source>
        <translation>释（解释）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评审项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评审结果</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评审意见</translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation>尚未评审</translation>
    </message>
</context>
<context>
    <name>ow::editorui::SampleEditor</name>
    <message>
        <source>Sample marks</source>
        <translation>示例标注</translation>
    </message>
    <message>
        <source>Mar&amp;ks:</source>
        <translation>标注(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Review point of the mark:</source>
        <translation>标注对应的审查要点(&amp;R)：</translation>
    </message>
    <message>
        <source>Choose the sample &amp;image…</source>
        <translation>选择示例图片(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Add a mark (Insert)</source>
        <translation>添加标注(&amp;A)（Insert）</translation>
    </message>
    <message>
        <source>&amp;Delete the mark (Delete)</source>
        <translation>删除标注(&amp;D)（Delete）</translation>
    </message>
    <message>
        <source>Drag on the image to draw a mark; drag a mark to move it and its small squares to resize it. Tab selects the next mark, the arrow keys move it by 1 % of the image, Shift with the arrow keys resizes it, Delete deletes it. Each change is written to the mark&apos;s line and can be undone with Ctrl+Z.</source>
        <translation>在图片上拖动可画出新标注；拖动标注可移动它，拖动选中标注的小方块可调整大小。Tab 键选中下一个标注，方向键把它移动图片的 1%，Shift 加方向键调整大小，Delete 键删除。每次修改只改写该标注所在的一行，可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>As written:</source>
        <translation>文件原文：</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit the image to the window</source>
        <translation>图片适合窗口大小</translation>
    </message>
    <message>
        <source>Add a mark</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <source>Delete mark %1</source>
        <translation>删除标注 %1</translation>
    </message>
    <message>
        <source>Move mark %1</source>
        <translation>移动标注 %1</translation>
    </message>
    <message>
        <source>Resize mark %1</source>
        <translation>调整标注 %1 的大小</translation>
    </message>
    <message>
        <source>Draw a mark</source>
        <translation>画出标注</translation>
    </message>
    <message>
        <source>Tie mark %1 to a review point</source>
        <translation>更改标注 %1 对应的审查要点</translation>
    </message>
    <message>
        <source>No material chosen</source>
        <translation>未选择材料</translation>
    </message>
    <message>
        <source>Choose a material of the material library in the tree (or its sample or one of its marks), then edit its sample&apos;s marks here.</source>
        <translation>请先在目录结构中选择材料库里的一个材料（或它的示例、某个标注），再在这里编辑示例标注。</translation>
    </message>
    <message>
        <source>%1 (%2) — sample %3</source>
        <translation>%1（%2）— 示例 %3</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Sample marks — %1</source>
        <translation>示例标注 — %1</translation>
    </message>
    <message>
        <source>The sample image %1 cannot be shown: it is not a PNG or JPEG image that can be read. Export the image again.</source>
        <translation>示例图片 %1 无法显示：不是可读取的 PNG 或 JPEG 图片。请重新导出该图片。</translation>
    </message>
    <message>
        <source>%1 (no such review point)</source>
        <translation>%1（材料没有这个审查要点）</translation>
    </message>
    <message>
        <source>(the place is not written as X, Y, WIDTH, HEIGHT)</source>
        <translation>（位置未按“X, Y, 宽, 高”书写）</translation>
    </message>
    <message>
        <source>Content: %1</source>
        <translation>内容：%1</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>形式：%1</translation>
    </message>
    <message>
        <source>Choose the sample image</source>
        <translation>选择示例图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Fit (Ctrl+0)</source>
        <translation>适合窗口（Ctrl+0）</translation>
    </message>
</context>
<context>
    <name>ow::editorui::SampleMarkView</name>
    <message>
        <source>Sample image with its marks</source>
        <translation>示例图片及其标注</translation>
    </message>
</context>
<context>
    <name>ow::editorui::ServerTools</name>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>Sign &amp;in to the review server…</source>
        <translation>登录审核服务器(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Submit for review…</source>
        <translation>提交审核(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;My submissions…</source>
        <translation>我的提交(&amp;M)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3); session until %4.</source>
        <translation>已以 %2（%3）身份登录 %1，登录有效期至 %4。</translation>
    </message>
    <message>
        <source>Signed out: edits are saved to the folder only.</source>
        <translation>已退出登录：修改只保存到本地目录。</translation>
    </message>
    <message>
        <source>Matter %1 could not be locked on the server: %2</source>
        <translation>无法在服务器上锁定事项 %1：%2</translation>
    </message>
    <message>
        <source>Read-only: matter %1 is being edited by %2 until %3.</source>
        <translation>只读：事项 %1 正由 %2 编辑，锁定至 %3。</translation>
    </message>
    <message>
        <source>Sign in and open a catalogue first.</source>
        <translation>请先登录并打开目录。</translation>
    </message>
    <message>
        <source>The catalogue has errors; fix them before submitting (F7).</source>
        <translation>目录有错误，请改正后再提交（F7 检查）。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>〔review: %1〕</source>
        <translation>〔评审意见：%1〕</translation>
    </message>
    <message>
        <source>What is submitted is the folder as saved: save the changes first.</source>
        <translation>提交的是已保存的目录，请先保存修改。</translation>
    </message>
    <message>
        <source>&amp;Frequent questions from the counters…</source>
        <translation>常见问题建议(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>ow::editorui::SignInDialog</name>
    <message>
        <source>Sign in to the review server</source>
        <translation>登录审核服务器</translation>
    </message>
    <message>
        <source>only when your staff number is used in several halls</source>
        <translation>仅当您的工号在多个大厅使用时填写</translation>
    </message>
    <message>
        <source>Ser&amp;ver address:</source>
        <translation>服务器地址(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Staff number:</source>
        <translation>工号(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Hall code:</source>
        <translation>大厅代码(&amp;H)：</translation>
    </message>
    <message>
        <source>Your own hall account with the catalogue editor role. Without signing in you can still edit and save folders here, but not lock matters or submit them for review.</source>
        <translation>请使用本人具有目录编辑角色的大厅账号。不登录也可以编辑和保存本地目录，但不能锁定事项，也不能提交审核。</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <source>Write the server&apos;s address, e.g. https://onewindow.example:8443.</source>
        <translation>请填写服务器地址，例如 https://onewindow.example:8443。</translation>
    </message>
    <message>
        <source>Write your staff number.</source>
        <translation>请填写工号。</translation>
    </message>
    <message>
        <source>Write your password.</source>
        <translation>请填写密码。</translation>
    </message>
    <message>
        <source>The server at this address does not answer: %1</source>
        <translation>该地址的服务器没有响应：%1</translation>
    </message>
    <message>
        <source>This address is not a OneWindow server with catalogue review.</source>
        <translation>该地址不是支持目录审核的一窗受理服务器。</translation>
    </message>
</context>
<context>
    <name>ow::editorui::SubmissionDialog</name>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>What changed and why, e.g. the law or notice it follows</source>
        <translation>修改内容和依据，例如据以调整的法规或通知</translation>
    </message>
    <message>
        <source>Version %1 of catalogue %2, from the folder as saved.</source>
        <translation>目录 %2 的 %1 版，按已保存的目录提交。</translation>
    </message>
    <message>
        <source>Uploading…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>调整类型(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Effective from:</source>
        <translation>生效日期(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>提交(&amp;S)</translation>
    </message>
    <message>
        <source>The server did not take the submission: %1</source>
        <translation>服务器未接受此次提交：%1</translation>
    </message>
    <message numerus="yes">
        <source>Submission %1 is %2: %n item(s) to review, effective from %3.</source>
        <translation>
            <numerusform>提交 %1 状态为%2：共 %n 个评审项，自 %3 起生效。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::editorui::SubmissionsDialog</name>
    <message>
        <source>My submissions</source>
        <translation>我的提交</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>调整类型</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤回(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The submissions could not be read: %1</source>
        <translation>无法读取提交记录：%1</translation>
    </message>
    <message>
        <source>You have submitted nothing yet.</source>
        <translation>您还没有提交过。</translation>
    </message>
    <message>
        <source>Withdraw the submission</source>
        <translation>撤回提交</translation>
    </message>
    <message>
        <source>Withdraw submission %1 (version %2)?</source>
        <translation>撤回提交 %1（%2 版）？</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing more is reviewed, walked or signed off for it, and it is never published. Your locks on its matters are released. The version may be submitted again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;撤回后不再对其评审、模拟受理或签核，也不会发布；您对其中事项的编辑锁定随之释放。该版本可以重新提交。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>The submission was not withdrawn: %1</source>
        <translation>未能撤回提交：%1</translation>
    </message>
    <message>
        <source>Submission %1 is withdrawn.</source>
        <translation>提交 %1 已撤回。</translation>
    </message>
</context>
<context>
    <name>ow::intake</name>
    <message>
        <source>The case %1 is decided; its situation can no longer change.</source>
        <translation>办件 %1 已作出决定，其办事情形不能再更改。</translation>
    </message>
    <message>
        <source>This workstation has no case store or no logged-in clerk: cases cannot be saved here.</source>
        <translation>本工作站没有办件库或没有已登录的窗口人员：无法在此保存办件。</translation>
    </message>
    <message>
        <source>No matter is open: find the matter first.</source>
        <translation>尚未打开事项：请先查找事项。</translation>
    </message>
    <message>
        <source>The file %1 does not exist or is not a file.</source>
        <translation>文件 %1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>No holiday calendar is loaded: no deadline can be computed.</source>
        <translation>未加载节假日日历：无法计算期限。</translation>
    </message>
    <message>
        <source>The promised deadline cannot be computed: %1</source>
        <translation>无法计算承诺办结期限：%1</translation>
    </message>
    <message>
        <source>The case %1 is already decided.</source>
        <translation>办件 %1 已作出决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) not checked yet: check every material before accepting.</source>
        <translation>
            <numerusform>尚有 %n 项材料未核验：受理前请核验全部材料。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is decided yet: there is no document to issue.</source>
        <translation>尚未作出决定：没有可出具的文书。</translation>
    </message>
    <message>
        <source>The case has no attachment %1.</source>
        <translation>办件没有附件 %1。</translation>
    </message>
    <message>
        <source>The questions of %1 are not all answered: the situation is not settled yet.</source>
        <translation>%1 的情形问题尚未全部回答：办事情形还未确定。</translation>
    </message>
    <message>
        <source>%1 cannot be waived: the catalogue requires it at intake.</source>
        <translation>%1 不能容缺：事项目录要求收件时提交。</translation>
    </message>
    <message>
        <source>A waived material needs the date it must be supplied by.</source>
        <translation>容缺材料须注明补交期限。</translation>
    </message>
    <message>
        <source>%1 cannot be fetched through data sharing.</source>
        <translation>%1 无法通过数据共享获取。</translation>
    </message>
    <message>
        <source>Only a missing or waived material can be supplemented.</source>
        <translation>只有缺失或容缺的材料才能补交。</translation>
    </message>
    <message>
        <source>The material was not handed in: there is nothing to check.</source>
        <translation>该材料未提交：无需核验。</translation>
    </message>
    <message>
        <source>Say why the point is not met: the applicant is told the reason.</source>
        <translation>请说明不符合该要点的原因：该原因将告知申请人。</translation>
    </message>
    <message>
        <source>The scanned pages could not be written: %1</source>
        <translation>无法保存拍摄的页面：%1</translation>
    </message>
    <message>
        <source>The draft cannot be read back: %1</source>
        <translation>草稿无法读取：%1</translation>
    </message>
    <message>
        <source>the catalogue in use has no bundle %1.</source>
        <translation>当前使用的目录中没有“一件事”%1。</translation>
    </message>
    <message>
        <source>the catalogue in use has no matter %1.</source>
        <translation>当前使用的目录中没有事项 %1。</translation>
    </message>
    <message>
        <source>The case %1 was decided meanwhile; its draft is no longer needed.</source>
        <translation>办件 %1 已作出受理决定，其草稿不再需要。</translation>
    </message>
    <message>
        <source>This workstation has no case store: no draft can be resumed.</source>
        <translation>本工作台没有办件库，无法继续办理草稿。</translation>
    </message>
    <message>
        <source>The case %1 awaits no material.</source>
        <translation>办件 %1 没有待补交的材料。</translation>
    </message>
    <message>
        <source>%1 fails a review point: hand it back with the reason instead of taking it.</source>
        <translation>%1 有审查要点不符合：请说明理由退回，不予收取。</translation>
    </message>
    <message>
        <source>Nothing is marked as handed in: mark what the applicant brought as received.</source>
        <translation>尚未标记任何补交材料：请将申请人带来的材料标记为已收。</translation>
    </message>
    <message>
        <source>The case %1 was never given this document; it cannot be reprinted.</source>
        <translation>办件 %1 从未出具过此文书，无法补打。</translation>
    </message>
    <message>
        <source>The scan %1 could not be removed.</source>
        <translation>无法删除扫描件 %1。</translation>
    </message>
    <message>
        <source>The answers reached no screening outcome: there is no one-time notice to print.</source>
        <translation>所答情形未得出筛查结论，无一次性告知书可打印。</translation>
    </message>
    <message>
        <source>A pre-application opens a new intake, not one under way.</source>
        <translation>网上预申报只能开启新的受理，不能并入正在办理的受理。</translation>
    </message>
    <message>
        <source>%1 is not a data-shared material: simply receive it.</source>
        <translation>%1 不是数据共享材料，按收取处理即可。</translation>
    </message>
    <message>
        <source>Say why %1 is taken on paper instead of fetched through data sharing.</source>
        <translation>请说明%1为何收取纸质材料而不通过数据共享获取。</translation>
    </message>
    <message>
        <source>No data-sharing platform is configured on this workstation: take the paper instead (the settings sharing-endpoint, sharing-app-id and sharing-secret are missing).</source>
        <translation>本工作站未配置数据共享平台，请收取纸质材料（缺少 sharing-endpoint、sharing-app-id 和 sharing-secret 设置）。</translation>
    </message>
    <message>
        <source>A material is being fetched already; wait for its answer.</source>
        <translation>已有材料正在获取，请等待平台应答。</translation>
    </message>
    <message>
        <source>%1 was fetched but could not be attached: %2</source>
        <translation>%1已获取，但未能附入办件：%2</translation>
    </message>
    <message>
        <source>%1 could not be fetched: %2</source>
        <translation>%1获取失败：%2</translation>
    </message>
    <message>
        <source>%1 is not on this checklist.</source>
        <translation>%1不在本次材料清单中。</translation>
    </message>
    <message>
        <source>%1 is fetched by the applicant&apos;s %2: register it first (F2).</source>
        <translation>%1按申请人的%2获取，请先登记（F2）。</translation>
    </message>
    <message>
        <source>%1 is no longer on this checklist.</source>
        <translation>%1已不在本次材料清单中。</translation>
    </message>
</context>
<context>
    <name>ow::kiosk</name>
    <message>
        <source>Not now.</source>
        <translation>当前步骤不能这样操作。</translation>
    </message>
    <message>
        <source>Please enter an 11-digit mobile number.</source>
        <translation>请输入 11 位手机号码。</translation>
    </message>
    <message>
        <source>The queue server cannot be reached (%1).</source>
        <translation>无法连接排队叫号服务器（%1）。</translation>
    </message>
    <message>
        <source>The queue server refused the ticket (HTTP %1).</source>
        <translation>排队叫号服务器拒绝取号（HTTP %1）。</translation>
    </message>
    <message>
        <source>Please wait to be called</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <source>Please go to counter %1</source>
        <translation>请到 %1 号窗口</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ahead, about %1 min wait</source>
        <translation>
            <numerusform>前方 %n 人，预计等候 %1 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue ticket</source>
        <translation>排队号票</translation>
    </message>
    <message>
        <source>Not sure of the matter: a guide will help</source>
        <translation>事项未定：导服人员将协助您</translation>
    </message>
    <message>
        <source>Scan to follow your place in the queue</source>
        <translation>扫码在手机上查看排队进度</translation>
    </message>
    <message>
        <source>Please keep this ticket; a number missed three times lapses.</source>
        <translation>请妥善保管号票；叫号三次未到视为过号。</translation>
    </message>
</context>
<context>
    <name>ow::kioskui::KioskKeypad</name>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ow::kioskui::KioskWindow</name>
    <message>
        <source>Take a ticket</source>
        <translation>自助取号</translation>
    </message>
    <message>
        <source>%1 · Take a ticket</source>
        <translation>%1 · 自助取号</translation>
    </message>
    <message>
        <source>Taking your ticket…</source>
        <translation>正在取号，请稍候…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <source>Choose the matter you came for</source>
        <translation>请选择您要办理的事项</translation>
    </message>
    <message>
        <source>Pinyin initials or name, e.g. yyzz</source>
        <translation>输入拼音首字母或名称，如 yyzz</translation>
    </message>
    <message>
        <source>Type the first letters of the matter&apos;s pinyin on the keys, or ask for help below.</source>
        <translation>请在键盘上输入事项名称的拼音首字母；不确定时请点击下方按钮。</translation>
    </message>
    <message>
        <source>Not sure — please ask a guide to help me</source>
        <translation>不确定，请导服人员协助</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Check the letters, or ask for help below.</source>
        <translation>未找到“%1”，请检查输入，或点击下方按钮请导服人员协助。</translation>
    </message>
    <message>
        <source>Please place your ID card on the reader</source>
        <translation>请将身份证放在读卡区</translation>
    </message>
    <message>
        <source>The counter then fills in your details, so nothing is typed twice. You may skip this.</source>
        <translation>窗口将据此自动填写您的信息，无需重复录入；也可跳过此步。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Your mobile number, for an SMS when your turn is near</source>
        <translation>请输入手机号码，临近叫号时短信提醒</translation>
    </message>
    <message>
        <source>Take the ticket</source>
        <translation>确认取号</translation>
    </message>
    <message>
        <source>Without a mobile number</source>
        <translation>不留手机号，直接取号</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Matter: not sure, a guide will help</source>
        <translation>事项：未定，导服人员将协助您</translation>
    </message>
    <message>
        <source>Matter: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <source>ID card read: %1</source>
        <translation>已读取身份证：%1</translation>
    </message>
    <message>
        <source>The queue server cannot be reached just now. Please try again, or ask a guide for help.</source>
        <translation>暂时无法连接排队叫号服务器，请重试，或请导服人员协助。</translation>
    </message>
    <message>
        <source>No ticket could be issued. Please ask a guide for help.</source>
        <translation>未能取号，请导服人员协助。</translation>
    </message>
    <message>
        <source>Please take your ticket from the printer below.</source>
        <translation>请从下方出票口取走号票。</translation>
    </message>
    <message>
        <source>The ticket printer is not available: please remember your number.</source>
        <translation>号票打印机暂不可用，请记下您的号码。</translation>
    </message>
    <message>
        <source>%1 · Green channel</source>
        <translation>%1 · 绿色通道</translation>
    </message>
    <message>
        <source>Green channel · %1</source>
        <translation>绿色通道 · %1</translation>
    </message>
    <message>
        <source>Green channel
elderly · disabled · pregnant · serving soldiers</source>
        <translation>绿色通道
老年人 · 残疾人 · 孕妇 · 现役军人</translation>
    </message>
</context>
<context>
    <name>ow::queue</name>
    <message>
        <source>No counter for it is open now; please wait for the call.</source>
        <translation>暂无可办理该事项的窗口开放，请留意叫号。</translation>
    </message>
    <message>
        <source>%1 ahead, about %2 minutes</source>
        <translation>前方 %1 人，预计 %2 分钟</translation>
    </message>
    <message>
        <source>an SMS text may not be empty.</source>
        <translation>短信内容不能为空。</translation>
    </message>
    <message>
        <source>an SMS may only name {number}, {counter}, {ahead} and {minutes}, not {%1}.</source>
        <translation>短信只能使用 {number}、{counter}、{ahead} 和 {minutes}，不能使用 {%1}。</translation>
    </message>
    <message>
        <source>list distinct prefixes of one or two capital letters, e.g. A, B, C.</source>
        <translation>请列出互不相同的一到两位大写字母前缀，如 A, B, C。</translation>
    </message>
    <message>
        <source>name at least one service area, e.g. A.</source>
        <translation>请至少设置一个服务区，如 A。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>being served</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>a no-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>Ticket %1 is %2: %3 is not possible.</source>
        <translation>%1 号当前状态为“%2”，不能%3。</translation>
    </message>
    <message>
        <source>Ticket %1 was called by counter %2, not %3.</source>
        <translation>%1 号由 %2 窗口叫号，不是 %3 窗口。</translation>
    </message>
    <message>
        <source>calling it</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>calling it again</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>Ticket %1 was called %2 times already; mark it as a no-show.</source>
        <translation>%1 号已呼叫 %2 次，请作过号处理。</translation>
    </message>
    <message>
        <source>Ticket %1 can be called again in %2 s.</source>
        <translation>%1 号需再等 %2 秒才能重呼。</translation>
    </message>
    <message>
        <source>starting its service</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>finishing it</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>marking it as a no-show</source>
        <translation>作过号处理</translation>
    </message>
    <message>
        <source>parking it</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>transferring it</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Ticket %1 is at counter %2 already.</source>
        <translation>%1 号已在 %2 窗口。</translation>
    </message>
</context>
<context>
    <name>ow::server</name>
    <message>
        <source>There is nothing here.</source>
        <translation>此处没有内容。</translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes.</source>
        <translation>请求体超过 %1 字节。</translation>
    </message>
    <message>
        <source>The server could not complete the request; try again later.</source>
        <translation>服务器无法完成请求，请稍后再试。</translation>
    </message>
    <message>
        <source>This needs a credential (Authorization: Bearer …).</source>
        <translation>此操作需要凭据（Authorization: Bearer …）。</translation>
    </message>
    <message>
        <source>The credential is unknown or was revoked.</source>
        <translation>凭据未知或已被吊销。</translation>
    </message>
    <message>
        <source>A %1 credential may not do this.</source>
        <translation>%1 类凭据无权执行此操作。</translation>
    </message>
    <message>
        <source>The enrol code is wrong, used or expired.</source>
        <translation>注册码错误、已使用或已过期。</translation>
    </message>
    <message>
        <source>The cursor “%1” is not one of ours.</source>
        <translation>游标“%1”不是本服务器发出的。</translation>
    </message>
    <message>
        <source>The limit is 1 to %1.</source>
        <translation>limit 应为 1 至 %1。</translation>
    </message>
    <message>
        <source>The case belongs to another hall.</source>
        <translation>该办件属于其他大厅。</translation>
    </message>
    <message>
        <source>An upload needs ?offset=N&amp;total=T.</source>
        <translation>上传需要 ?offset=N&amp;total=T 参数。</translation>
    </message>
    <message>
        <source>There is no state “%1”.</source>
        <translation>不存在状态“%1”。</translation>
    </message>
    <message>
        <source>The case belongs to another department.</source>
        <translation>该办件属于其他部门。</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests; try again in %n second(s).</source>
        <translation>
            <numerusform>请求过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The case %1 belongs to hall %2; this workstation is enrolled in hall %3.</source>
        <translation>办件 %1 属于大厅 %2；本工作站注册在大厅 %3。</translation>
    </message>
    <message>
        <source>A case in state %1 cannot move to %2.</source>
        <translation>处于“%1”状态的办件不能变为“%2”。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message numerus="yes">
        <source>The catalogue has %n error(s).</source>
        <translation>
            <numerusform>事项目录有 %n 个错误。</numerusform>
        </translation>
    </message>
    <message>
        <source>The package says version %1 but its catalogue.txt says %2.</source>
        <translation>目录包标明版本为 %1，但其 catalogue.txt 写的是 %2。</translation>
    </message>
    <message>
        <source>Version %1 was published with other content.</source>
        <translation>版本 %1 已以不同的内容发布过。</translation>
    </message>
    <message>
        <source>The counter “%1” must end in its number, 1 to 99 (e.g. W07).</source>
        <translation>窗口“%1”必须以其窗口号（1 至 99）结尾（例如 W07）。</translation>
    </message>
    <message>
        <source>A department id is needed.</source>
        <translation>需要部门 id。</translation>
    </message>
    <message>
        <source>A publisher name is needed.</source>
        <translation>需要发布人名称。</translation>
    </message>
    <message>
        <source>There is no valid credential or unused enrol code “%1”.</source>
        <translation>没有有效凭据或未使用的注册码“%1”。</translation>
    </message>
    <message>
        <source>Application status</source>
        <translation>办件进度</translation>
    </message>
    <message>
        <source>No application was found for this code. Please check the code on your receipt or ask at the service hall.</source>
        <translation>未找到与此编码对应的办件。请核对凭证上的编码，或到政务服务大厅咨询。</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审查中</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待领取</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Result ready on</source>
        <translation>可领取日期</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the language code of the public page (HTML lang)</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>The entry has no event object.</source>
        <translation>该条目没有 event 对象。</translation>
    </message>
    <message>
        <source>The event has an unknown kind.</source>
        <translation>事件类型未知。</translation>
    </message>
    <message>
        <source>The event has no id.</source>
        <translation>事件没有 id。</translation>
    </message>
    <message>
        <source>The event has no valid time.</source>
        <translation>事件没有有效的时间。</translation>
    </message>
    <message>
        <source>The event names no valid case number.</source>
        <translation>事件未给出有效的统一申报编码。</translation>
    </message>
    <message>
        <source>The case snapshot is not an object.</source>
        <translation>办件快照不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The case snapshot is not readable: %1</source>
        <translation>无法读取办件快照：%1</translation>
    </message>
    <message>
        <source>The case snapshot is of another case than the event.</source>
        <translation>办件快照与事件不属于同一办件。</translation>
    </message>
    <message>
        <source>An attachment of the case has no valid SHA-256.</source>
        <translation>办件的某个附件没有有效的 SHA-256。</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at byte %2.</source>
        <translation>请求体不是有效的 JSON：%1（第 %2 字节）。</translation>
    </message>
    <message>
        <source>The body is not a JSON object.</source>
        <translation>请求体不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The body has no &quot;events&quot; list.</source>
        <translation>请求体中没有 &quot;events&quot; 列表。</translation>
    </message>
    <message>
        <source>A batch holds at most %1 events, not %2.</source>
        <translation>一批最多 %1 个事件，而不是 %2 个。</translation>
    </message>
    <message>
        <source>The entry is not an object.</source>
        <translation>该条目不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The enrolment has no code.</source>
        <translation>注册请求没有注册码。</translation>
    </message>
    <message>
        <source>The id must be a UUID.</source>
        <translation>id 必须是 UUID。</translation>
    </message>
    <message>
        <source>The kind must be in-review, approved, denied, supplement-requested or result-ready, not “%1”.</source>
        <translation>kind 必须是 in-review、approved、denied、supplement-requested 或 result-ready，而不是“%1”。</translation>
    </message>
    <message>
        <source>The clerk is missing.</source>
        <translation>缺少登记人员。</translation>
    </message>
    <message>
        <source>The payload is not an object.</source>
        <translation>payload 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>A denial needs its reasons (payload.reasons).</source>
        <translation>审批不通过须说明理由（payload.reasons）。</translation>
    </message>
    <message>
        <source>A supplement request needs the materials (payload.materials).</source>
        <translation>补齐补正要求须列出材料（payload.materials）。</translation>
    </message>
    <message>
        <source>Every requested material needs its id, name and deadline (YYYY-MM-DD).</source>
        <translation>每项要求补交的材料都须有 id、名称和期限（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>OneWindow central server: cases, scans, catalogues, status page.</source>
        <translation>一窗受理中心服务器：办件、扫描件、事项目录、进度查询页面。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one).</source>
        <translation>监听的地址和端口（默认 127.0.0.1:8080；端口为 0 时自动选择空闲端口）。</translation>
    </message>
    <message>
        <source>Folder for the SQLite database, scans and catalogue packages.</source>
        <translation>存放 SQLite 数据库、扫描件和事项目录包的文件夹。</translation>
    </message>
    <message>
        <source>sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME (default: SQLite in the data folder).</source>
        <translation>sqlite:PATH 或 postgresql://USER:PASSWORD@HOST:PORT/NAME（默认：数据文件夹中的 SQLite）。</translation>
    </message>
    <message>
        <source>PEM certificate chain: serve HTTPS.</source>
        <translation>PEM 证书链：启用 HTTPS。</translation>
    </message>
    <message>
        <source>PEM private key of the certificate.</source>
        <translation>证书的 PEM 私钥。</translation>
    </message>
    <message>
        <source>Believe X-Forwarded-For (only behind your own reverse proxy).</source>
        <translation>信任 X-Forwarded-For（仅限部署在自有反向代理之后时）。</translation>
    </message>
    <message>
        <source>Language of the status page: zh_CN (default) or en.</source>
        <translation>进度查询页面的语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>--listen takes ADDR:PORT, e.g. 0.0.0.0:8443, not “%1”.</source>
        <translation>--listen 应为 ADDR:PORT，例如 0.0.0.0:8443，而不是“%1”。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 和 --tls-key 须同时指定。</translation>
    </message>
    <message>
        <source>The TLS certificate or key could not be read.</source>
        <translation>无法读取 TLS 证书或私钥。</translation>
    </message>
    <message>
        <source>The TLS certificate or key is not valid PEM.</source>
        <translation>TLS 证书或私钥不是有效的 PEM 格式。</translation>
    </message>
    <message>
        <source>The server database was written by a newer OneWindow (schema version %1; this program knows up to %2).</source>
        <translation>服务器数据库由较新版本的一窗受理写入（结构版本 %1；本程序最高支持 %2）。</translation>
    </message>
    <message>
        <source>Migration %1 of the server database (%2) failed and was rolled back: %3</source>
        <translation>服务器数据库迁移 %1（%2）失败，已回滚：%3</translation>
    </message>
    <message>
        <source>The attachment file %1 could not be written: %2</source>
        <translation>无法写入附件文件 %1：%2</translation>
    </message>
    <message>
        <source>An attachment is 1 byte to %1 bytes, not %2.</source>
        <translation>附件大小应为 1 至 %1 字节，而不是 %2 字节。</translation>
    </message>
    <message>
        <source>The server holds %1 bytes, not %2.</source>
        <translation>服务器上已有 %1 字节，而不是 %2 字节。</translation>
    </message>
    <message>
        <source>The chunk goes past the end of the file.</source>
        <translation>数据块超出了文件末尾。</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>无法创建文件夹</translation>
    </message>
    <message>
        <source>The file received does not have the SHA-256 it was sent under; it was dropped.</source>
        <translation>收到的文件与发送时声明的 SHA-256 不符，已丢弃。</translation>
    </message>
    <message>
        <source>the finished file could not be moved</source>
        <translation>无法移动已接收完成的文件</translation>
    </message>
    <message>
        <source>%1 must be text of %2 to %3 characters.</source>
        <translation>%1 必须是 %2 到 %3 个字符的文本。</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation>%1 必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation>%1 必须是列表。</translation>
    </message>
    <message>
        <source>The entry is nested deeper than %1 levels.</source>
        <translation>该条目的嵌套超过 %1 层。</translation>
    </message>
    <message>
        <source>The text at %1 is longer than %2 characters.</source>
        <translation>%1 处的文本超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The text at %1 holds a control character.</source>
        <translation>%1 处的文本含有控制字符。</translation>
    </message>
    <message>
        <source>%1 is not a time (ISO 8601, UTC).</source>
        <translation>%1 不是时间（ISO 8601，UTC）。</translation>
    </message>
    <message>
        <source>%1 is dated %2, more than %3 hours after the server&apos;s time (%4): check this counter&apos;s clock.</source>
        <translation>%1 的时间为 %2，比服务器时间（%4）晚 %3 小时以上：请检查本窗口电脑的时钟。</translation>
    </message>
    <message>
        <source>%1 is dated %2, more than %3 days before the server&apos;s time (%4): check this counter&apos;s clock.</source>
        <translation>%1 的时间为 %2，比服务器时间（%4）早 %3 天以上：请检查本窗口电脑的时钟。</translation>
    </message>
    <message>
        <source>The entry is %1 bytes; at most %2.</source>
        <translation>该条目有 %1 字节，最多允许 %2 字节。</translation>
    </message>
    <message>
        <source>%1 names an unknown state “%2”.</source>
        <translation>%1 的状态“%2”未知。</translation>
    </message>
    <message>
        <source>The event id “%1” is not a UUID (8-4-4-4-12 hexadecimal digits).</source>
        <translation>事件编号“%1”不是 UUID（8-4-4-4-12 位十六进制数字）。</translation>
    </message>
    <message>
        <source>The event is from counter %1; this credential is counter %2.</source>
        <translation>该事件来自窗口 %1，而此凭据属于窗口 %2。</translation>
    </message>
    <message>
        <source>The case %1 is numbered for counter number %2; this workstation is counter number %3.</source>
        <translation>办件 %1 的编号属于 %2 号窗口，而本工作站是 %3 号窗口。</translation>
    </message>
    <message>
        <source>The case snapshot is of hall %1; this workstation is enrolled in hall %2.</source>
        <translation>办件快照属于大厅 %1，而本工作站登记在大厅 %2。</translation>
    </message>
    <message>
        <source>The case snapshot names counter %1, not this workstation&apos;s counter %2.</source>
        <translation>办件快照写的是窗口 %1，不是本工作站的窗口 %2。</translation>
    </message>
    <message>
        <source>The QR token of the case is not of the documented shape (26 base32 characters).</source>
        <translation>办件的二维码令牌格式不符合规定（26 个 base32 字符）。</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD).</source>
        <translation>%1 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The applicant&apos;s data is not valid: %1</source>
        <translation>申请人信息无效：%1</translation>
    </message>
    <message>
        <source>The server does not know the case %1: its first event must be “created” with the case, not “%2”.</source>
        <translation>服务器没有办件 %1：其第一个事件必须是附带办件的“created”，而不是“%2”。</translation>
    </message>
    <message>
        <source>The case %1 was created before; “created” comes once.</source>
        <translation>办件 %1 已经创建过；“created”只能出现一次。</translation>
    </message>
    <message>
        <source>The event id %1 is already used by another event; make a new id for this one.</source>
        <translation>事件编号 %1 已被另一个事件使用；请为此事件生成新编号。</translation>
    </message>
    <message>
        <source>The QR token of the case %1 cannot change once the server holds it.</source>
        <translation>服务器收到办件 %1 后，其二维码令牌不能再更改。</translation>
    </message>
    <message>
        <source>The QR token of the case %1 is already another case&apos;s; it must be new.</source>
        <translation>办件 %1 的二维码令牌已属于另一个办件；必须使用新令牌。</translation>
    </message>
    <message>
        <source>This upload was started with a total of %1 bytes; it cannot change to %2.</source>
        <translation>此上传开始时声明共 %1 字节，不能改为 %2 字节。</translation>
    </message>
    <message>
        <source>Refuse events dated more than HOURS after the server&apos;s time (default 24, 1 to 8760).</source>
        <translation>拒绝时间比服务器时间晚 HOURS 小时以上的事件（默认 24，范围 1 到 8760）。</translation>
    </message>
    <message>
        <source>Refuse events dated more than DAYS before the server&apos;s time (default 365; 0: no limit).</source>
        <translation>拒绝时间比服务器时间早 DAYS 天以上的事件（默认 365；0 表示不限）。</translation>
    </message>
    <message>
        <source>--clock-window takes 1 to 8760 hours and --max-event-age 0 to 36500 days.</source>
        <translation>--clock-window 取 1 到 8760 小时，--max-event-age 取 0 到 36500 天。</translation>
    </message>
    <message>
        <source>The server database %1 is damaged (%2). It is not used: restore it from a backup (see “Recovery” in docs/deployment.md); “onewindow-cli server check” lists what is wrong.</source>
        <translation>服务器数据库 %1 已损坏（%2），不会使用它：请从备份恢复（见 docs/deployment.md 的“Recovery”一节）；“onewindow-cli server check”会列出损坏之处。</translation>
    </message>
    <message>
        <source>The database is unavailable; try again in a moment.</source>
        <translation>数据库暂时不可用，请稍后再试。</translation>
    </message>
    <message>
        <source>The request headers did not arrive in time.</source>
        <translation>请求头未在规定时间内到达。</translation>
    </message>
    <message>
        <source>The request headers are larger than %1 bytes.</source>
        <translation>请求头超过 %1 字节。</translation>
    </message>
    <message>
        <source>The chunked body is malformed.</source>
        <translation>分块传输的请求体格式错误。</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (%3).</source>
        <translation>无法在 %1:%2 上监听（%3）。</translation>
    </message>
    <message>
        <source>Too many connections from this address.</source>
        <translation>来自此地址的连接过多。</translation>
    </message>
    <message>
        <source>--%1 takes a number from 1 to %2, not “%3”.</source>
        <translation>--%1 需要 1 到 %2 之间的数字，而不是“%3”。</translation>
    </message>
    <message>
        <source>Close a connection after this many seconds without a byte in or out (default 30).</source>
        <translation>连接在这么多秒内没有任何收发时关闭（默认 30）。</translation>
    </message>
    <message>
        <source>Open connections one client address may hold (default 32).</source>
        <translation>每个客户端地址可保持的连接数（默认 32）。</translation>
    </message>
    <message>
        <source>Open connections in all (default 1024).</source>
        <translation>全部连接数上限（默认 1024）。</translation>
    </message>
    <message>
        <source>The stored scan is damaged; it is not served.</source>
        <translation>服务器上存储的扫描件已损坏，不予提供。</translation>
    </message>
    <message>
        <source>There is no account %1 in this hall.</source>
        <translation>本大厅没有账号 %1。</translation>
    </message>
    <message>
        <source>“%1” is not a list of roles (intake, pickup, supervisor, admin, catalogue).</source>
        <translation>“%1”不是角色列表（intake、pickup、supervisor、admin、catalogue）。</translation>
    </message>
    <message>
        <source>The password hash is not a PBKDF2 hash of an accepted work factor.</source>
        <translation>密码散列不是可接受工作因子的 PBKDF2 散列。</translation>
    </message>
    <message>
        <source>A staff number is one word without spaces.</source>
        <translation>工号是一个不含空格的词。</translation>
    </message>
    <message>
        <source>The staff number %1 is already taken in this hall.</source>
        <translation>本大厅中工号 %1 已被占用。</translation>
    </message>
    <message>
        <source>The server could not change the account.</source>
        <translation>服务器未能修改该账号。</translation>
    </message>
    <message>
        <source>Only an enabled hall administrator of this hall may change accounts, with their own password.</source>
        <translation>只有本大厅已启用的大厅管理员凭本人密码才能修改账号。</translation>
    </message>
    <message>
        <source>“%1” is not an account change.</source>
        <translation>“%1”不是账号修改操作。</translation>
    </message>
    <message>
        <source>The account needs the clerk&apos;s name.</source>
        <translation>账户需要填写窗口人员姓名。</translation>
    </message>
    <message>
        <source>A hall administrator&apos;s password is changed with the old password, while the server is reachable.</source>
        <translation>大厅管理员的密码须在服务器可连接时凭原密码修改。</translation>
    </message>
    <message>
        <source>The account is disabled or its password was reset on the server since; the password changed at the counter is not taken.</source>
        <translation>该账号已停用，或其密码此后已在服务器上重置；在窗口修改的密码不予采用。</translation>
    </message>
    <message>
        <source>A counter is set open, paused or closed.</source>
        <translation>窗口状态只能设为开放、暂停或关闭。</translation>
    </message>
    <message>
        <source>Clerk %1 is not an enabled account of this hall.</source>
        <translation>工号 %1 不是本大厅已启用的账号。</translation>
    </message>
    <message>
        <source>Nobody is waiting for counter %1.</source>
        <translation>%1 窗口暂无等候人员。</translation>
    </message>
    <message>
        <source>A ticket&apos;s priority is walk-in or green.</source>
        <translation>号票的优先级只能是普通（walk-in）或绿色通道（green）。</translation>
    </message>
    <message>
        <source>“%1” is not a mainland mobile number.</source>
        <translation>“%1”不是有效的大陆手机号码。</translation>
    </message>
    <message>
        <source>?day= takes YYYY-MM-DD.</source>
        <translation>?day= 的格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>There is no ticket %1 in this hall.</source>
        <translation>本大厅没有号票 %1。</translation>
    </message>
    <message>
        <source>An appointment names its matter.</source>
        <translation>预约须写明办理事项。</translation>
    </message>
    <message>
        <source>No catalogue is published on this server, so no matter can be chosen yet.</source>
        <translation>服务器尚未发布事项目录，暂不能选择办理事项。</translation>
    </message>
    <message>
        <source>There is no matter “%1” in catalogue %2.</source>
        <translation>目录 %2 中没有事项“%1”。</translation>
    </message>
    <message>
        <source>There is no bundle “%1” in catalogue %2.</source>
        <translation>目录 %2 中没有“一件事”“%1”。</translation>
    </message>
    <message>
        <source>Counter %1 opens with the clerk logged in there.</source>
        <translation>%1 窗口须由登录的工作人员开放。</translation>
    </message>
    <message>
        <source>There is no service area “%1” in this hall.</source>
        <translation>本大厅没有服务区“%1”。</translation>
    </message>
    <message>
        <source>Counter %1 is closed; it cannot be paused.</source>
        <translation>%1 窗口已关闭，不能暂停。</translation>
    </message>
    <message>
        <source>Counter %1 is closed: a clerk logs in there and opens it before calling.</source>
        <translation>%1 窗口已关闭：请工作人员登录并开放窗口后再叫号。</translation>
    </message>
    <message>
        <source>Counter %1 is paused; resume it to call.</source>
        <translation>%1 窗口已暂停，恢复后才能叫号。</translation>
    </message>
    <message>
        <source>Clerk %1 is not logged in at counter %2.</source>
        <translation>工号 %1 未在 %2 窗口登录。</translation>
    </message>
    <message>
        <source>Ticket %1 is still called at counter %2: start its service, call it again, park it or mark it as a no-show first.</source>
        <translation>%1 号仍在 %2 窗口叫号中：请先开始办理、重呼、暂挂或作过号处理。</translation>
    </message>
    <message>
        <source>Counter %1 is not open.</source>
        <translation>%1 窗口未开放。</translation>
    </message>
    <message>
        <source>Ticket %1 is not parked.</source>
        <translation>%1 号未暂挂。</translation>
    </message>
    <message>
        <source>There is no counter %1 in this hall.</source>
        <translation>本大厅没有 %1 窗口。</translation>
    </message>
    <message>
        <source>An appointment needs a window “from” before “to”, within one day.</source>
        <translation>预约须有时段，“from”早于“to”，且在同一天内。</translation>
    </message>
    <message>
        <source>The appointment&apos;s window is over.</source>
        <translation>预约时段已过。</translation>
    </message>
    <message>
        <source>There is no appointment %1 in this hall.</source>
        <translation>本大厅没有预约 %1。</translation>
    </message>
    <message>
        <source>Remove an unfinished scan upload after this many days without a new chunk (default 7).</source>
        <translation>未完成的扫描件上传连续这么多天没有新的分块即予删除（默认 7 天）。</translation>
    </message>
    <message numerus="yes">
        <source>The server holds no part of this upload (an unfinished upload is removed after %n day(s) without a new chunk); start again from byte 0.</source>
        <translation>
            <numerusform>服务器上没有此次上传的任何部分（未完成的上传连续 %n 天没有新的分块即被删除）；请从第 0 字节重新上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>This upload is being received on another connection; try again in a moment.</source>
        <translation>此次上传正在另一个连接上接收，请稍后重试。</translation>
    </message>
    <message>
        <source>The queue settings file could not be read: %1</source>
        <translation>无法读取排队设置文件：%1</translation>
    </message>
    <message>
        <source>There is no queue setting “%1”; the [queue] group takes %2 (docs/queue.md).</source>
        <translation>没有排队设置“%1”；[queue] 分组可用的设置为 %2（见 docs/queue.md）。</translation>
    </message>
    <message>
        <source>The queue settings file is not an INI file.</source>
        <translation>排队设置文件不是 INI 文件。</translation>
    </message>
    <message>
        <source>The hall&apos;s queue rules and SMS texts, the [queue] group of an INI file (docs/queue.md).</source>
        <translation>大厅的排队规则和短信文本，即 INI 文件的 [queue] 分组（见 docs/queue.md）。</translation>
    </message>
    <message>
        <source>Where the queue&apos;s SMS go: off (default), simulator (a log file) or http (the provider).</source>
        <translation>排队短信的发送方式：off（不发送，默认）、simulator（写入日志文件）或 http（短信服务商接口）。</translation>
    </message>
    <message>
        <source>The simulator&apos;s log, one JSON line per message (default sms.log in the data folder).</source>
        <translation>短信模拟器的日志文件，每条短信一行 JSON（默认为数据目录下的 sms.log）。</translation>
    </message>
    <message>
        <source>The provider&apos;s address the messages are POSTed to.</source>
        <translation>短信服务商接收短信的地址（以 POST 提交）。</translation>
    </message>
    <message>
        <source>Request headers for the provider, &quot;Name: value | Name: value&quot;.</source>
        <translation>发往短信服务商的请求头，格式为“名称: 值 | 名称: 值”。</translation>
    </message>
    <message>
        <source>Request body with {mobile} and {text} (JSON-escaped), or @FILE to read it from FILE.</source>
        <translation>请求正文模板，含 {mobile} 和 {text}（按 JSON 转义）；写作 @FILE 则从 FILE 读取。</translation>
    </message>
    <message>
        <source>Key of the message id in the provider&apos;s JSON answer, dots for nested objects (default id).</source>
        <translation>短信服务商 JSON 应答中短信编号所在的键，嵌套对象用点号分隔（默认 id）。</translation>
    </message>
    <message>
        <source>Sends after a failed one before a message counts as failed (0 to 10, default 3).</source>
        <translation>发送失败后的重试次数，用完仍未成功即记为发送失败（0 至 10，默认 3）。</translation>
    </message>
    <message>
        <source>--sms-gateway takes off, simulator or http, not “%1”.</source>
        <translation>--sms-gateway 只能取 off、simulator 或 http，不能是“%1”。</translation>
    </message>
    <message>
        <source>--sms-retries takes a number from 0 to 10, not “%1”.</source>
        <translation>--sms-retries 应为 0 至 10 的整数，不能是“%1”。</translation>
    </message>
    <message>
        <source>--sms-gateway http needs --sms-url with an http:// or https:// address, not “%1”.</source>
        <translation>--sms-gateway http 需要用 --sms-url 指定 http:// 或 https:// 地址，不能是“%1”。</translation>
    </message>
    <message>
        <source>The SMS body template %1 could not be read: %2</source>
        <translation>无法读取短信正文模板 %1：%2</translation>
    </message>
    <message>
        <source>The SMS gateway answered HTTP %1: %2</source>
        <translation>短信网关返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>The SMS gateway could not be reached: %1</source>
        <translation>无法连接短信网关：%1</translation>
    </message>
    <message>
        <source>The server stopped while the gateway had this message; it is not sent again.</source>
        <translation>服务器停止时该短信已交给短信网关，发送结果不明，不再重发。</translation>
    </message>
    <message>
        <source>The SMS log %1 could not be written: %2</source>
        <translation>无法写入短信日志 %1：%2</translation>
    </message>
    <message>
        <source>The SMS gateway&apos;s answer was lost (%1); the message may have been sent.</source>
        <translation>短信网关的应答丢失（%1）；该短信可能已经发出。</translation>
    </message>
    <message>
        <source>The name of who holds the key is needed.</source>
        <translation>须填写密钥持有人的名称。</translation>
    </message>
    <message>
        <source>Sample of %1</source>
        <translation>%1 示例</translation>
    </message>
    <message>
        <source>Sample: the numbers mark where each review point applies.</source>
        <translation>示例：图中数字对应上方各审查要点所在位置。</translation>
    </message>
    <message>
        <source>You need not bring this: the service hall obtains it through data sharing.</source>
        <translation>无需提交：由大厅通过数据共享获取。</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>材料形式</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>介质</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>If you do not have it yet, the application may still be accepted; you then hand it in later by the date the counter gives you.</source>
        <translation>此材料可容缺受理：暂时没有的，可先受理，再按窗口告知的期限补交。</translation>
    </message>
    <message>
        <source>What the counter checks</source>
        <translation>窗口审查要点</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>常见错误</translation>
    </message>
    <message>
        <source>Download the blank form of %1</source>
        <translation>下载%1空表</translation>
    </message>
    <message>
        <source>Find another matter</source>
        <translation>重新查找事项</translation>
    </message>
    <message>
        <source>Tick every one that applies; tick none if none does.</source>
        <translation>请勾选所有符合的情形；都不符合的可不勾选。</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>请填写数字</translation>
    </message>
    <message>
        <source>A number, in %1</source>
        <translation>请填写数字（单位：%1）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Change the answer to: %1</source>
        <translation>修改此问题的回答：%1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Your situation</source>
        <translation>您的办事情形</translation>
    </message>
    <message>
        <source>Please hand in these materials at the service hall by the date given:</source>
        <translation>请在期限前到政务服务大厅补交以下材料：</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>请于 %1 前补交</translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation>请尽快补交</translation>
    </message>
    <message>
        <source>Your result is ready for pickup at the pickup counter. Please bring your receipt.</source>
        <translation>办理结果已可领取，请携带受理凭证到综合出件窗口领取。</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>办理时间：%1</translation>
    </message>
    <message>
        <source>Your result was sent by EMS.</source>
        <translation>办理结果已通过 EMS 寄出。</translation>
    </message>
    <message>
        <source>Your result was sent by EMS, item number %1.</source>
        <translation>办理结果已通过 EMS 寄出，邮件号：%1。</translation>
    </message>
    <message>
        <source>The application was not accepted yet: please complete it as the correction notice says and apply again.</source>
        <translation>申请暂未受理：请按一次性告知书补齐补正材料后重新申请。</translation>
    </message>
    <message>
        <source>Nothing for you to do now: we will let you know when the result is ready.</source>
        <translation>目前您无需办理其他事项，办理结果出来后我们会通知您。</translation>
    </message>
    <message>
        <source>Rate our service</source>
        <translation>评价本次服务</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>您现在需要做的</translation>
    </message>
    <message>
        <source>The pickup counter&apos;s opening hours as the public status page names them, e.g. &quot;周一至周五 9:00-12:00, 13:30-17:00&quot;.</source>
        <translation>办件状态页上显示的综合出件窗口办理时间，例如 &quot;周一至周五 9:00-12:00, 13:30-17:00&quot;。</translation>
    </message>
    <message>
        <source>“%1” takes a date, YYYY-MM-DD.</source>
        <translation>“%1”须为日期，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Say who called the applicant (“by”) and what was agreed (“agreed”, up to 2,000 characters).</source>
        <translation>请填写回访人（“by”）及与申请人商定的事项（“agreed”，不超过 2000 字）。</translation>
    </message>
    <message>
        <source>Say who closes the item (“by”) and how it was fixed (“note”, up to 2,000 characters).</source>
        <translation>请填写办结人（“by”）及整改情况（“note”，不超过 2000 字）。</translation>
    </message>
    <message>
        <source>This hall has no follow-up item “%1”.</source>
        <translation>本大厅没有差评整改事项“%1”。</translation>
    </message>
    <message>
        <source>The follow-up item is closed already.</source>
        <translation>该差评整改事项已办结。</translation>
    </message>
    <message>
        <source>The supervision settings file could not be read: %1</source>
        <translation>无法读取电子监察设置文件：%1</translation>
    </message>
    <message>
        <source>There is no supervision setting “%1”; the [supervision] group takes %2 (docs/supervision.md).</source>
        <translation>没有电子监察设置项“%1”；[supervision] 组可设置 %2（见 docs/supervision.md）。</translation>
    </message>
    <message>
        <source>The supervision settings file is not an INI file.</source>
        <translation>电子监察设置文件不是 INI 格式。</translation>
    </message>
    <message>
        <source>“clerk” must name the receiver (1 to 64 characters).</source>
        <translation>“clerk”须填写接收人（1至64个字符）。</translation>
    </message>
    <message>
        <source>“scans” must be a list of at most %1 folder label scans.</source>
        <translation>“scans”须为案卷标签扫描内容的列表，最多%1项。</translation>
    </message>
    <message>
        <source>Each scan must be text of at most 512 characters.</source>
        <translation>每项扫描内容须为不超过512个字符的文本。</translation>
    </message>
    <message>
        <source>No transfer list %1 is known here.</source>
        <translation>服务器上没有移交清单 %1。</translation>
    </message>
    <message>
        <source>The transfer list goes to another department.</source>
        <translation>该移交清单移交给其他部门。</translation>
    </message>
    <message>
        <source>Transfer list %1 was confirmed already.</source>
        <translation>移交清单 %1 已确认过。</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>Your materials checklist (%1 items)</source>
        <translation>您的材料清单（共 %1 项）</translation>
    </message>
    <message>
        <source>Catalogue version %1. To print it, use your browser&apos;s Print.</source>
        <translation>事项目录版本 %1。如需打印，请使用浏览器的“打印”功能。</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>到窗口办理</translation>
    </message>
    <message>
        <source>Show this QR code at any counter: the clerk scans it and opens the same matter with your answers, so nothing has to be asked again.</source>
        <translation>请在任一综合受理窗口出示此二维码，工作人员扫码即可打开相同事项和您选择的情形，无需重复回答。</translation>
    </message>
    <message>
        <source>QR code of this checklist for the counter</source>
        <translation>本材料清单的窗口扫码二维码</translation>
    </message>
    <message>
        <source>Materials checklist: find your matter</source>
        <translation>办事材料清单自助查询</translation>
    </message>
    <message>
        <source>Answer a few questions about your situation and get the exact list of materials to bring, the same list the service hall&apos;s counter uses.</source>
        <translation>回答几个关于办事情形的问题，即可得到与大厅窗口一致的个性化材料清单。</translation>
    </message>
    <message>
        <source>The service hall has not published its catalogue yet.</source>
        <translation>大厅尚未发布事项目录。</translation>
    </message>
    <message>
        <source>Name of the matter, a keyword or pinyin initials</source>
        <translation>事项名称、关键词或拼音首字母</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Matters found: %1</source>
        <translation>找到 %1 个事项</translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer characters, or the pinyin initials (for example ggcs).</source>
        <translation>没有找到相关事项。请减少字数，或输入拼音首字母（例如 ggcs）。</translation>
    </message>
    <message>
        <source>Frequently handled matters</source>
        <translation>高频事项</translation>
    </message>
    <message>
        <source>decided within %1 working days</source>
        <translation>承诺 %1 个工作日内办结</translation>
    </message>
    <message>
        <source>decided on the spot</source>
        <translation>即办件，当场办结</translation>
    </message>
    <message>
        <source>Some answers of this link no longer fit the catalogue and were left out; please answer again.</source>
        <translation>链接中的部分回答已不适用于当前事项目录，已略去，请重新回答。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>There is no such matter in the service hall&apos;s current catalogue.</source>
        <translation>大厅当前的事项目录中没有该事项。</translation>
    </message>
    <message>
        <source>This workstation is counter %1; it cannot act for counter %2.</source>
        <translation>本工作站为 %1 窗口，不能代 %2 窗口操作。</translation>
    </message>
    <message>
        <source>Back to the application status</source>
        <translation>返回办件进度</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>How satisfied are you with the service?</source>
        <translation>您对本次服务是否满意？</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <source>Thank you: your rating was recorded.</source>
        <translation>感谢您的评价，评价已记录。</translation>
    </message>
    <message>
        <source>This application has been rated already.</source>
        <translation>本办件已评价过，不能重复评价。</translation>
    </message>
    <message>
        <source>The application can be rated once it was submitted.</source>
        <translation>办件提交后才能评价。</translation>
    </message>
    <message>
        <source>You need not apply for this matter</source>
        <translation>您无需办理本事项</translation>
    </message>
    <message>
        <source>Apply for %1 instead</source>
        <translation>请改为办理：%1</translation>
    </message>
    <message>
        <source>Go on to %1 with your answers</source>
        <translation>带着您已填写的情形继续办理“%1”</translation>
    </message>
    <message>
        <source>Version %1 was never published.</source>
        <translation>版本 %1 从未发布过。</translation>
    </message>
    <message>
        <source>The published version %1 no longer loads: %2</source>
        <translation>已发布的版本 %1 无法再载入：%2</translation>
    </message>
    <message>
        <source>situations changed through shared materials</source>
        <translation>办事情形因共用材料而变化</translation>
    </message>
    <message>
        <source>Apply online</source>
        <translation>网上预申报</translation>
    </message>
    <message>
        <source>Fill in the application form and upload scans of your materials now; at the counter the clerk then only checks the originals.</source>
        <translation>现在就可以在网上填写申请表、上传材料扫描件；到窗口办理时，工作人员只需核验原件。</translation>
    </message>
    <message>
        <source>Pre-apply online (网上预申报)</source>
        <translation>开始网上预申报</translation>
    </message>
    <message>
        <source>“month” takes a month, YYYY-MM.</source>
        <translation>“month”须为月份，格式 YYYY-MM。</translation>
    </message>
    <message>
        <source>No clerk “%1” has points in this hall that month.</source>
        <translation>本大厅该月没有工作人员“%1”的积分。</translation>
    </message>
    <message>
        <source>“points” is a whole number from -1000 to 1000, not 0.</source>
        <translation>“points”须为 -1000 至 1000 之间的整数，且不得为 0。</translation>
    </message>
    <message>
        <source>A correction needs its reason (“reason”, up to 2,000 characters).</source>
        <translation>更正须写明理由（“reason”，最多 2000 个字符）。</translation>
    </message>
    <message>
        <source>Say who corrects the points (“by”).</source>
        <translation>请写明更正人（“by”）。</translation>
    </message>
    <message>
        <source>“month” takes a month, YYYY-MM, not after this one.</source>
        <translation>“month”须为月份，格式 YYYY-MM，且不得晚于本月。</translation>
    </message>
    <message>
        <source>This hall has no clerk “%1”.</source>
        <translation>本大厅没有工作人员“%1”。</translation>
    </message>
    <message>
        <source>The body has no &quot;activities&quot; list.</source>
        <translation>请求正文中没有 &quot;activities&quot; 列表。</translation>
    </message>
    <message>
        <source>A batch holds at most %1 activities, not %2.</source>
        <translation>每批最多 %1 条业务记录，不能是 %2 条。</translation>
    </message>
    <message>
        <source>Another hall holds an activity with this id.</source>
        <translation>另一个大厅已有相同标识的业务记录。</translation>
    </message>
    <message>
        <source>There is no points setting “%1”; the [points] group takes %2 (docs/supervision.md).</source>
        <translation>没有积分设置项“%1”；[points] 组可用的设置项为 %2（见 docs/supervision.md）。</translation>
    </message>
    <message>
        <source>There is no such pre-application.</source>
        <translation>没有这份预申报。</translation>
    </message>
    <message>
        <source>Only a counter takes a pre-application into a case.</source>
        <translation>只有窗口可以将预申报转为办件。</translation>
    </message>
    <message>
        <source>The state is one of submitted, accepted, returned or taken.</source>
        <translation>状态只能是 submitted、accepted、returned 或 taken。</translation>
    </message>
    <message>
        <source>The pre-application is for another department&apos;s matter.</source>
        <translation>该预申报所属事项属于其他部门。</translation>
    </message>
    <message>
        <source>The stored scan %1 does not match its SHA-256.</source>
        <translation>存储的扫描件 %1 与其 SHA-256 不符。</translation>
    </message>
    <message>
        <source>The decision is “accept” or “return”.</source>
        <translation>预审结论只能是“accept”（通过）或“return”（退回）。</translation>
    </message>
    <message>
        <source>At most %1 reasons.</source>
        <translation>理由最多 %1 条。</translation>
    </message>
    <message>
        <source>Each reason is a text of one line and at most %1 characters.</source>
        <translation>每条理由须为一行文字，最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A returned pre-application needs at least one reason the applicant can act on.</source>
        <translation>退回预申报须至少写明一条申请人可据以补正的理由。</translation>
    </message>
    <message>
        <source>The reviewer&apos;s name is missing or too long.</source>
        <translation>缺少预审人姓名，或姓名过长。</translation>
    </message>
    <message>
        <source>Only a submitted pre-application is reviewed; this one is %1.</source>
        <translation>只有已提交的预申报才能预审；这份预申报的状态为 %1。</translation>
    </message>
    <message>
        <source>“%1” is not a case number of this hall.</source>
        <translation>“%1”不是本大厅的统一申报编码。</translation>
    </message>
    <message>
        <source>The clerk is missing or too long.</source>
        <translation>缺少经办人，或经办人过长。</translation>
    </message>
    <message>
        <source>The pre-application was taken into case %1.</source>
        <translation>该预申报已转为办件 %1。</translation>
    </message>
    <message>
        <source>A %1 pre-application cannot be taken.</source>
        <translation>状态为 %1 的预申报不能转为办件。</translation>
    </message>
    <message>
        <source>The field “%1” is too long or holds control characters.</source>
        <translation>字段“%1”过长或含有控制字符。</translation>
    </message>
    <message>
        <source>Choose whether a person, an enterprise or another organisation applies.</source>
        <translation>请选择申报者类型：个人、企业或其他组织。</translation>
    </message>
    <message>
        <source>Not submitted yet</source>
        <translation>尚未提交</translation>
    </message>
    <message>
        <source>Submitted; waiting for the pre-review</source>
        <translation>已提交，等待预审</translation>
    </message>
    <message>
        <source>Passed the pre-review: bring the originals to any counter</source>
        <translation>预审通过：请携带材料原件到任一综合窗口办理</translation>
    </message>
    <message>
        <source>Returned: please correct it and submit again</source>
        <translation>已退回：请按要求补正后重新提交</translation>
    </message>
    <message>
        <source>Accepted at the counter</source>
        <translation>已在窗口受理</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Name of the applicant or applying unit</source>
        <translation>申报人姓名或申报单位名称</translation>
    </message>
    <message>
        <source>ID number, or unified social credit code of the unit</source>
        <translation>身份证号码，或单位的统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative (units)</source>
        <translation>法定代表人（单位填写）</translation>
    </message>
    <message>
        <source>Project name (units, if any)</source>
        <translation>申报项目名称（单位填写，如有）</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Contact mobile number</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <source>Contact ID number</source>
        <translation>联系人身份证号码</translation>
    </message>
    <message>
        <source>Contact telephone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>通讯地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Recipient name (delivery by post)</source>
        <translation>收件人姓名（快递送达时填写）</translation>
    </message>
    <message>
        <source>Recipient mobile number</source>
        <translation>收件人手机</translation>
    </message>
    <message>
        <source>Recipient province</source>
        <translation>收件人所在省份</translation>
    </message>
    <message>
        <source>Recipient city</source>
        <translation>收件人所在城市</translation>
    </message>
    <message>
        <source>Recipient district</source>
        <translation>收件人所在区县</translation>
    </message>
    <message>
        <source>Recipient street address</source>
        <translation>收件详细地址</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申报者类型</translation>
    </message>
    <message>
        <source>A person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>An enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Another organisation</source>
        <translation>其他组织</translation>
    </message>
    <message>
        <source>Send the result by post</source>
        <translation>办理结果快递送达</translation>
    </message>
    <message>
        <source>Save the applicant</source>
        <translation>保存申报信息</translation>
    </message>
    <message>
        <source>Scans of your materials</source>
        <translation>材料扫描件</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG; at most %1 MB a file and %2 MB in all. Bring the originals to the counter.</source>
        <translation>支持 PDF、JPEG、PNG 格式；单个文件不超过 %1 MB，合计不超过 %2 MB。办理时请携带原件到窗口。</translation>
    </message>
    <message>
        <source>Uploading scans needs JavaScript. Without it, submit without scans and bring the materials to the counter.</source>
        <translation>上传扫描件需要启用 JavaScript。如无法启用，可不上传扫描件直接提交，办理时携带材料到窗口。</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>incomplete: %1 of %2 KB</source>
        <translation>未传完：%1 / %2 KB</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a scan</source>
        <translation>上传扫描件</translation>
    </message>
    <message>
        <source>No free pre-application code was found.</source>
        <translation>未能生成可用的预申报编号。</translation>
    </message>
    <message>
        <source>This pre-application can no longer be changed.</source>
        <translation>这份预申报已不能修改。</translation>
    </message>
    <message>
        <source>The server has %1 bytes of this file; send from there.</source>
        <translation>服务器已收到该文件的 %1 个字节，请从此处续传。</translation>
    </message>
    <message>
        <source>The scan %1 could not be written: %2</source>
        <translation>无法写入扫描件 %1：%2</translation>
    </message>
    <message>
        <source>The file is not a PDF, JPEG or PNG file as its type says; it was not kept.</source>
        <translation>该文件内容与其声明的 PDF、JPEG 或 PNG 格式不符，未予保存。</translation>
    </message>
    <message>
        <source>There is no such pre-application, or it belongs to another mobile number.</source>
        <translation>没有这份预申报，或它属于其他手机号码。</translation>
    </message>
    <message numerus="yes">
        <source>A code was sent to this number a short while ago; you can ask for another in %n second(s).</source>
        <translation>
            <numerusform>刚才已向该号码发送过验证码，%n 秒后可重新获取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The code is wrong; %n more tries.</source>
        <translation>
            <numerusform>验证码错误，还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your verification code for the online pre-application is %1, valid for %2 minutes. Do not tell it to anyone.</source>
        <translation>您的网上预申报验证码为%1，%2分钟内有效，请勿告知他人。</translation>
    </message>
    <message>
        <source>The hall online pre-applications (网上预申报) go to, e.g. 33030201; without it the self-service checklist offers none.</source>
        <translation>接收网上预申报的大厅，如 33030201；不设置时自助查询页面不提供网上预申报。</translation>
    </message>
    <message>
        <source>Largest scan of a pre-application in MB (default 10).</source>
        <translation>预申报单个扫描件的大小上限，单位 MB（默认 10）。</translation>
    </message>
    <message>
        <source>All scans of one pre-application in MB (default 50).</source>
        <translation>一份预申报全部扫描件的大小上限，单位 MB（默认 50）。</translation>
    </message>
    <message>
        <source>Days an untouched draft pre-application is kept with its scans (default 7).</source>
        <translation>未提交的预申报草稿无操作时连同扫描件保留的天数（默认 7）。</translation>
    </message>
    <message>
        <source>Days a submitted pre-application waits for a counter before it expires (default 30).</source>
        <translation>已提交的预申报等待窗口受理的天数，逾期失效（默认 30）。</translation>
    </message>
    <message>
        <source>Open pre-applications one ID number or credit code may have (default 3).</source>
        <translation>同一身份证号码或统一社会信用代码可同时办理中的预申报数（默认 3）。</translation>
    </message>
    <message>
        <source>--preapplication-hall: %1</source>
        <translation>--preapplication-hall：%1</translation>
    </message>
    <message>
        <source>A staff number (“staffNumber”) and a password are needed.</source>
        <translation>需要工号（“staffNumber”）和密码。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins; try again in %n second(s).</source>
        <translation>
            <numerusform>登录失败次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only an enabled supervisor of this hall may sign in, with their own password.</source>
        <translation>只有本大厅已启用的监察人员可用本人密码登录。</translation>
    </message>
    <message>
        <source>Apply online: your mobile number</source>
        <translation>网上预申报：手机号码</translation>
    </message>
    <message>
        <source>A pre-application is tied to your mobile number. We send a 6-digit code to it; no account is needed.</source>
        <translation>预申报与您的手机号码绑定。我们将向该号码发送6位验证码，无需注册账号。</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Send the code</source>
        <translation>获取验证码</translation>
    </message>
    <message>
        <source>Apply online: the code from the SMS</source>
        <translation>网上预申报：短信验证码</translation>
    </message>
    <message>
        <source>Type the 6-digit code sent to your mobile number. It is valid for 10 minutes.</source>
        <translation>请输入发送到您手机的6位验证码，10分钟内有效。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>重新获取验证码</translation>
    </message>
    <message>
        <source>Start an online pre-application for “%1” with the answers of your checklist.</source>
        <translation>按您的材料清单所选情形，开始“%1”的网上预申报。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Online pre-application: %1</source>
        <translation>网上预申报：%1</translation>
    </message>
    <message>
        <source>What to correct</source>
        <translation>需要补正的内容</translation>
    </message>
    <message>
        <source>Follow your case</source>
        <translation>查看办件进度</translation>
    </message>
    <message>
        <source>Your pre-application code</source>
        <translation>您的预申报编号</translation>
    </message>
    <message>
        <source>Bring the originals of your materials to any counter and show this code: the clerk scans it, and nothing has to be typed again.</source>
        <translation>请携带材料原件到任一综合窗口并出示此码：工作人员扫码即可调出您的预申报，无需重复填写。</translation>
    </message>
    <message>
        <source>QR code of the pre-application</source>
        <translation>预申报二维码</translation>
    </message>
    <message>
        <source>Keep this page&apos;s address to look at the state again: %1</source>
        <translation>请保存本页地址，以便再次查看办理状态：%1</translation>
    </message>
    <message>
        <source>See the checklist of materials again</source>
        <translation>再次查看材料清单</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>Submit the pre-application</source>
        <translation>提交预申报</translation>
    </message>
    <message>
        <source>Confirm your mobile number first (the code from the SMS).</source>
        <translation>请先用短信验证码验证手机号码。</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>暂不提供</translation>
    </message>
    <message>
        <source>This service hall does not take online pre-applications.</source>
        <translation>本服务大厅暂不受理网上预申报。</translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>The form was not understood.</source>
        <translation>无法识别提交的表单。</translation>
    </message>
    <message>
        <source>Mobile number: enter the 11 digits of a mainland mobile number.</source>
        <translation>手机号码：请输入11位大陆手机号码。</translation>
    </message>
    <message>
        <source>The code is no longer valid (expired, used or tried too often); ask for a new one.</source>
        <translation>验证码已失效（已过期、已使用或错误次数过多），请重新获取。</translation>
    </message>
    <message>
        <source>Fill in and save the applicant first.</source>
        <translation>请先填写并保存申报信息。</translation>
    </message>
    <message>
        <source>This ID number already has %1 open pre-applications; finish one at the counter first.</source>
        <translation>该证件号码已有 %1 份办理中的预申报，请先到窗口办结其中一份。</translation>
    </message>
    <message>
        <source>The scan needs a material of the checklist, a file name and a size.</source>
        <translation>扫描件须对应材料清单中的材料，并有文件名和大小。</translation>
    </message>
    <message>
        <source>Only PDF, JPEG and PNG files are taken.</source>
        <translation>只接收 PDF、JPEG 和 PNG 文件。</translation>
    </message>
    <message>
        <source>The file is empty or too large, or the pre-application has reached its %1 MB of scans.</source>
        <translation>文件为空或过大，或这份预申报的扫描件已达 %1 MB 上限。</translation>
    </message>
    <message>
        <source>A chunk needs ?offset=N.</source>
        <translation>分块上传须带 ?offset=N。</translation>
    </message>
    <message>
        <source>There is no such scan.</source>
        <translation>没有这个扫描件。</translation>
    </message>
    <message>
        <source>This credential may not do this.</source>
        <translation>该凭据无权进行此操作。</translation>
    </message>
    <message>
        <source>The effective day must be a date from today on (YYYY-MM-DD).</source>
        <translation>生效日期须为今天或以后的日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The reason must be one of 立, 改, 废 and 释.</source>
        <translation>调整原因须为立、改、废、释之一。</translation>
    </message>
    <message>
        <source>A lock names the matter and the editor.</source>
        <translation>锁定须写明事项和编辑人。</translation>
    </message>
    <message>
        <source>%1 holds no lock on matter %2.</source>
        <translation>%1 未锁定事项 %2。</translation>
    </message>
    <message>
        <source>A lock lasts 1 to %1 minutes.</source>
        <translation>锁定时长为 1 至 %1 分钟。</translation>
    </message>
    <message>
        <source>Matter %1 is being edited by %2 until %3.</source>
        <translation>事项 %1 正由 %2 编辑，锁定至 %3。</translation>
    </message>
    <message>
        <source>The submission must name its editor.</source>
        <translation>提交须写明编辑人。</translation>
    </message>
    <message>
        <source>Submission %1 was not returned; only a returned submission is submitted again.</source>
        <translation>提交 %1 未被退回；只有已退回的提交才能重新提交。</translation>
    </message>
    <message>
        <source>Version %1 is published or under review already; give the catalogue a new version.</source>
        <translation>版本 %1 已发布或正在评审，请为目录设定新的版本号。</translation>
    </message>
    <message>
        <source>Nothing differs from the current version %1: there is nothing to review.</source>
        <translation>与现行版本 %1 相比没有任何变化，无需评审。</translation>
    </message>
    <message>
        <source>Matter %1 is being edited by %2; it cannot be submitted by another editor until the lock is released.</source>
        <translation>事项 %1 正由 %2 编辑；锁定解除前，其他编辑人不能提交。</translation>
    </message>
    <message>
        <source>There is no submission %1.</source>
        <translation>没有提交 %1。</translation>
    </message>
    <message>
        <source>Submission %1 is %2, not in review.</source>
        <translation>提交 %1 的状态为 %2，不在业务评审中。</translation>
    </message>
    <message>
        <source>The grade must be 高, 中 or 低.</source>
        <translation>评审结果须为高、中或低。</translation>
    </message>
    <message>
        <source>A grade of 中 or 低 needs a comment saying what to improve.</source>
        <translation>评审结果为中或低的，须写明需改进之处。</translation>
    </message>
    <message>
        <source>The review must name its reviewer.</source>
        <translation>评审须写明评审人。</translation>
    </message>
    <message>
        <source>The editor of a version does not review it.</source>
        <translation>版本的编辑人不能评审该版本。</translation>
    </message>
    <message>
        <source>Name the items graded.</source>
        <translation>请写明评定的评审项。</translation>
    </message>
    <message>
        <source>Submission %1 has no review item “%2”.</source>
        <translation>提交 %1 没有评审项“%2”。</translation>
    </message>
    <message>
        <source>The walk must name the clerk who did it.</source>
        <translation>模拟受理须写明受理人员。</translation>
    </message>
    <message>
        <source>Submission %1 has no situation “%2” to walk.</source>
        <translation>提交 %1 没有需模拟受理的办事情形“%2”。</translation>
    </message>
    <message>
        <source>Submission %1 is %2: situations are walked once it is reviewed and until they are done.</source>
        <translation>提交 %1 的状态为 %2：业务评审通过后、模拟受理完成前才能进行模拟受理。</translation>
    </message>
    <message>
        <source>Submission %1 changes nothing of department %2; its sign-off is not asked for.</source>
        <translation>提交 %1 未涉及部门 %2 的内容，无需其签认。</translation>
    </message>
    <message>
        <source>The sign-off must name who signs.</source>
        <translation>签认须写明签认人。</translation>
    </message>
    <message>
        <source>Submission %1 is %2: the back office signs off after every changed situation was walked.</source>
        <translation>提交 %1 的状态为 %2：每个有变化的办事情形都完成模拟受理后，后台才能签认。</translation>
    </message>
    <message>
        <source>Submission %1 is %2: only an accepted version (every item 高, every changed situation walked at %3 counters, signed off) is published.</source>
        <translation>提交 %1 的状态为 %2：只有通过验收的版本（评审项全部为“高”，每个有变化的办事情形已在 %3 个窗口模拟受理，并已签认）才能发布。</translation>
    </message>
    <message>
        <source>Version %1 was published meanwhile.</source>
        <translation>版本 %1 已在此期间发布。</translation>
    </message>
    <message>
        <source>The activity is dated %1, after the server&apos;s time: the counter&apos;s clock is wrong.</source>
        <translation>该业务记录的时间为 %1，晚于服务器时间：窗口电脑的时钟有误。</translation>
    </message>
    <message>
        <source>The offset is a whole number from 0.</source>
        <translation>offset 须为不小于 0 的整数。</translation>
    </message>
    <message>
        <source>“purpose” is empty or “export”.</source>
        <translation>“purpose”须为空或“export”。</translation>
    </message>
    <message>
        <source>The link has expired; ask for the case again.</source>
        <translation>链接已过期，请重新获取办件。</translation>
    </message>
    <message>
        <source>The link is not valid.</source>
        <translation>链接无效。</translation>
    </message>
    <message>
        <source>A staff number (“staffNumber”) is needed.</source>
        <translation>需要填写工号（“staffNumber”）。</translation>
    </message>
    <message>
        <source>A password is needed.</source>
        <translation>需要填写密码。</translation>
    </message>
    <message>
        <source>Staff number %1 is used in several halls (%2): say which (“hall”).</source>
        <translation>工号 %1 在多个大厅使用（%2），请指明大厅（“hall”）。</translation>
    </message>
    <message>
        <source>The staff number or the password is wrong, or the account is disabled.</source>
        <translation>工号或密码错误，或账号已停用。</translation>
    </message>
    <message>
        <source>Account %1 does not hold the catalogue editor role; the hall administrator gives it.</source>
        <translation>账号 %1 没有目录编辑角色，请向大厅管理员申请。</translation>
    </message>
    <message>
        <source>Only its editor %1 withdraws submission %2.</source>
        <translation>提交 %2 只能由其编辑人员 %1 撤回。</translation>
    </message>
    <message>
        <source>Submission %1 is %2; it can no longer be withdrawn.</source>
        <translation>提交 %1 的状态为 %2，已不能撤回。</translation>
    </message>
    <message>
        <source>There is no dead delivery %1 in this hall.</source>
        <translation>本大厅没有推送失败的记录 %1。</translation>
    </message>
    <message>
        <source>The endpoint must be an http or https address with a host, e.g. https://host/push.</source>
        <translation>接收地址须为带主机名的 http 或 https 地址，例如 https://host/push。</translation>
    </message>
    <message>
        <source>The endpoint needs the department it is for.</source>
        <translation>接收地址须注明所属部门。</translation>
    </message>
    <message>
        <source>Row %1 follows row %2: the rows between were removed.</source>
        <translation>第 %1 行紧接第 %2 行：其间的记录已被删除。</translation>
    </message>
    <message>
        <source>Row %1 does not link to the row before it.</source>
        <translation>第 %1 行与前一行不相衔接。</translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation>第 %1 行写入后被改动。</translation>
    </message>
    <message>
        <source>The log ends at row %1 but its head records row %2: rows were removed or added.</source>
        <translation>日志止于第 %1 行，但链头记载为第 %2 行：有记录被删除或添加。</translation>
    </message>
    <message>
        <source>Row %1 does not match the recorded head of the log.</source>
        <translation>第 %1 行与日志记载的链头不符。</translation>
    </message>
    <message>
        <source>The head of the departments&apos; log is missing.</source>
        <translation>部门操作日志的链头缺失。</translation>
    </message>
    <message>
        <source>The endpoint answered %1.</source>
        <translation>接收方返回 %1。</translation>
    </message>
    <message>
        <source>%1 takes a whole number from %2 to %3, not “%4”.</source>
        <translation>%1 须为 %2 至 %3 的整数，而不是“%4”。</translation>
    </message>
    <message>
        <source>The push settings file could not be read: %1</source>
        <translation>无法读取推送设置文件：%1</translation>
    </message>
    <message>
        <source>There is no push setting “%1”; the [push] group takes %2 (docs/deployment.md).</source>
        <translation>没有推送设置“%1”；[push] 组可设 %2（见 docs/deployment.md）。</translation>
    </message>
    <message>
        <source>The push settings file is not an INI file.</source>
        <translation>推送设置文件不是 INI 文件。</translation>
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
        <translation>用法：onewindow-server [--listen ADDR:PORT] [--data-dir DIR] [--database sqlite:PATH|postgresql://...]
                       [--tls-cert FILE --tls-key FILE] [--trust-proxy] [--lang zh_CN|en]
                       [--idle-timeout SECONDS] [--max-connections-per-address N] [--max-connections N]
                       [--upload-expiry DAYS] [--queue-settings FILE] [--supervision-settings FILE]
                       [--supervision-interval MINUTES]
                       [--sms-gateway off|simulator|http] [--sms-log FILE] [--sms-url URL]
                       [--sms-headers HEADERS] [--sms-body TEMPLATE] [--sms-id-key KEY] [--sms-retries N]
                       [--pickup-hours TEXT] [--time-zone ZONE] [--push-settings FILE]
                       [--preapplication-hall HALL] [--preapplication-scan-mb N] [--preapplication-quota-mb N]
                       [--preapplication-draft-days N] [--preapplication-expiry-days N] [--preapplications-per-id N]
</translation>
    </message>
    <message>
        <source>Minutes between the server&apos;s own rounds of the supervision warnings, which keep their history without anyone looking (default 10, 1 to 1440; 0: only when asked).</source>
        <translation>服务器自行评估电子监察预警的间隔（分钟），无人查看时也记录预警的出现与消除（默认 10，取 1 至 1440；0：仅在查看时记录）。</translation>
    </message>
    <message>
        <source>The hall&apos;s time zone (IANA name, default Asia/Shanghai): the day a catalogue version takes effect is the date there, whatever the server&apos;s own clock is set to.</source>
        <translation>大厅所在时区（IANA 名称，默认 Asia/Shanghai）：目录版本的生效日期按该时区的日期计算，与服务器本机时钟的设置无关。</translation>
    </message>
    <message>
        <source>How cases are pushed to department systems: back-off, attempts, link lifetime and the server&apos;s public address, the [push] group of an INI file (docs/deployment.md).</source>
        <translation>向部门业务系统推送办件的设置：重试间隔、次数、链接有效期和服务器对外地址，即 INI 文件的 [push] 组（见 docs/deployment.md）。</translation>
    </message>
    <message>
        <source>--supervision-interval takes 0 to 1440 minutes, not “%1”.</source>
        <translation>--supervision-interval 取 0 至 1440 分钟，不能是“%1”。</translation>
    </message>
    <message>
        <source>--time-zone takes a time zone name such as Asia/Shanghai, not “%1”.</source>
        <translation>--time-zone 应为时区名称，例如 Asia/Shanghai，而不是“%1”。</translation>
    </message>
    <message>
        <source>the bundle&apos;s matters or preset answers changed</source>
        <translation>一件事包含的事项或预设答案有变更</translation>
    </message>
    <message>
        <source>The document needs its file name (?name=…, at most %1 characters, without a folder).</source>
        <translation>结果文书须附文件名（?name=…，不超过 %1 个字符，不含目录）。</translation>
    </message>
    <message>
        <source>A result document must be a PDF file.</source>
        <translation>结果文书须为 PDF 文件。</translation>
    </message>
    <message>
        <source>payload.document: %1 was not uploaded for case %2 (or has another size); upload the document first (PUT …/documents/&lt;sha256&gt;).</source>
        <translation>payload.document：%1 未作为办件 %2 的结果文书上传（或大小不符）；请先上传该文书（PUT …/documents/&lt;sha256&gt;）。</translation>
    </message>
    <message>
        <source>“%1” must be text.</source>
        <translation>“%1”须为文本。</translation>
    </message>
    <message>
        <source>“id” must be the complaint&apos;s UUID given where it was recorded.</source>
        <translation>“id”须为登记投诉时生成的 UUID。</translation>
    </message>
    <message>
        <source>“channel” is “window”, “12345” or “online”.</source>
        <translation>“channel”须为“window”（窗口）、“12345”或“online”（网上）。</translation>
    </message>
    <message>
        <source>“receivedAt” must be a time (ISO 8601).</source>
        <translation>“receivedAt”须为时间（ISO 8601 格式）。</translation>
    </message>
    <message>
        <source>The complaint is dated %1, after the server&apos;s time: the counter&apos;s clock is wrong.</source>
        <translation>投诉的受理时间为 %1，晚于服务器时间：该窗口电脑的时钟有误。</translation>
    </message>
    <message>
        <source>“complainant” is {&quot;name&quot;, &quot;mobile&quot;} or null.</source>
        <translation>“complainant”须为 {&quot;name&quot;, &quot;mobile&quot;} 或 null。</translation>
    </message>
    <message>
        <source>The complainant&apos;s name is text of up to %1 characters.</source>
        <translation>投诉人姓名不得超过 %1 个字符。</translation>
    </message>
    <message>
        <source>“content” says what the complaint is, in 1 to %1 characters.</source>
        <translation>“content”须写明投诉内容，1 至 %1 个字符。</translation>
    </message>
    <message>
        <source>“case”: %1 is not a case number.</source>
        <translation>“case”：%1 不是办件编号。</translation>
    </message>
    <message>
        <source>“case”: case %1 belongs to another hall.</source>
        <translation>“case”：办件 %1 属于其他大厅。</translation>
    </message>
    <message>
        <source>“%1”: there is no account %2 in this hall.</source>
        <translation>“%1”：本大厅没有账号 %2。</translation>
    </message>
    <message>
        <source>“recordedByStaffNumber”: say which clerk recorded the complaint.</source>
        <translation>“recordedByStaffNumber”：请写明登记投诉的工作人员。</translation>
    </message>
    <message>
        <source>“matterCode”: there is no matter %1 in the catalogue.</source>
        <translation>“matterCode”：事项目录中没有事项 %1。</translation>
    </message>
    <message>
        <source>The body has no &quot;complaints&quot; list.</source>
        <translation>请求正文中没有 &quot;complaints&quot; 列表。</translation>
    </message>
    <message>
        <source>A batch holds at most %1 complaints, not %2.</source>
        <translation>每批最多 %1 件投诉，本批为 %2 件。</translation>
    </message>
    <message>
        <source>Another hall holds a complaint with this id.</source>
        <translation>其他大厅已有使用此 id 的投诉。</translation>
    </message>
    <message>
        <source>“state” is open, overdue, closed or all, not “%1”.</source>
        <translation>“state”须为 open、overdue、closed 或 all，不能是“%1”。</translation>
    </message>
    <message>
        <source>“staffNumber”: there is no account “%1” in this hall.</source>
        <translation>“staffNumber”：本大厅没有账号“%1”。</translation>
    </message>
    <message>
        <source>“text” is the reply given, in 1 to %1 characters.</source>
        <translation>“text”须为答复内容，1 至 %1 个字符。</translation>
    </message>
    <message>
        <source>“result” is “satisfied”, “unsatisfied” or “unreachable”.</source>
        <translation>“result”须为“satisfied”（满意）、“unsatisfied”（不满意）或“unreachable”（联系不上）。</translation>
    </message>
    <message>
        <source>This hall has no complaint “%1”.</source>
        <translation>本大厅没有投诉“%1”。</translation>
    </message>
    <message>
        <source>Complaint %1 is %2 (%3): it cannot be %4 now.</source>
        <translation>投诉 %1 当前为“%2”（%3），现在不能%4。</translation>
    </message>
    <message>
        <source>assigned</source>
        <comment>complaint</comment>
        <translation>分派</translation>
    </message>
    <message>
        <source>replied to</source>
        <comment>complaint</comment>
        <translation>答复</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>complaint</comment>
        <translation>办结</translation>
    </message>
    <message>
        <source>“since” takes a day, YYYY-MM-DD.</source>
        <translation>“since”须为日期，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>“min” takes a whole number from 1 to 10,000.</source>
        <translation>“min”须为 1 至 10000 的整数。</translation>
    </message>
    <message>
        <source>Your verification code for downloading the result document of your application is %1, valid for %2 minutes. Do not tell it to anyone.</source>
        <translation>您下载办件结果文书的验证码为 %1，%2 分钟内有效，请勿告知他人。</translation>
    </message>
    <message>
        <source>You withdrew this application: it will not be decided. Paper materials you handed in can be collected at the service hall with your receipt; to obtain this service later, please apply again.</source>
        <translation>您已撤回本次申请，该申请将不再作出审批决定。已提交的纸质材料可凭受理凭证到服务大厅领回；如日后仍需办理，请重新申请。</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <source>payload.document is {&quot;name&quot;, &quot;sha256&quot;, &quot;size&quot;} of a document uploaded for the case, on approved, denied or result-ready only.</source>
        <translation>payload.document 须为该办件已上传文书的 {&quot;name&quot;, &quot;sha256&quot;, &quot;size&quot;}，且仅用于准予许可、不予许可或可领取事件。</translation>
    </message>
    <message>
        <source>The hall&apos;s supervision rules (warning days, follow-up deadlines, the working days a complaint has), the [supervision] group of an INI file, and the clerks&apos; points and grades, its [points] group (docs/supervision.md).</source>
        <translation>本大厅的电子监察规则（预警天数、差评整改时限、投诉办结工作日数），取自 INI 文件的 [supervision] 组；工作人员积分和考级取自其 [points] 组（见 docs/supervision.md）。</translation>
    </message>
    <message>
        <source>%1, issued by %2 on %3</source>
        <translation>%1，%2 于 %3 出具</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Result document</source>
        <translation>结果文书</translation>
    </message>
    <message>
        <source>Download the result document</source>
        <translation>下载结果文书</translation>
    </message>
    <message>
        <source>To download the result document, confirm the mobile number given with the application: we send a verification code to %1.</source>
        <translation>下载结果文书前，请验证办件登记的手机号码：验证码将发送至 %1。</translation>
    </message>
    <message>
        <source>Get the verification code</source>
        <translation>获取验证码</translation>
    </message>
    <message>
        <source>A verification code was sent to %1. It is valid for 10 minutes.</source>
        <translation>验证码已发送至 %1，10 分钟内有效。</translation>
    </message>
    <message>
        <source>Verification code (6 digits)</source>
        <translation>验证码（6 位数字）</translation>
    </message>
    <message>
        <source>Your mobile number is confirmed. The download stays open for 15 minutes.</source>
        <translation>手机号码已验证，15 分钟内可下载。</translation>
    </message>
    <message>
        <source>There is no result document for this application. Please check the code on your receipt or ask at the service hall.</source>
        <translation>该办件暂无结果文书。请核对受理凭证上的二维码，或到服务大厅咨询。</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>No mobile number was given with this application, so the result document cannot be downloaded: please collect it at the pickup counter.</source>
        <translation>该办件未登记手机号码，无法在线下载结果文书，请到综合出件窗口领取。</translation>
    </message>
    <message>
        <source>Verify your mobile number first</source>
        <translation>请先验证手机号码</translation>
    </message>
    <message>
        <source>The result document is given only after the mobile number of the application is confirmed with an SMS code: open “Download the result document” on the status page.</source>
        <translation>结果文书须通过短信验证码验证办件登记的手机号码后方可下载：请在办件进度页点击“下载结果文书”。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a situation</comment>
        <translation>；</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between answers a faq applies to</comment>
        <translation>或</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a question and the answers a faq applies to</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Applies when: %1</source>
        <translation>适用情形：%1</translation>
    </message>
</context>
<context>
    <name>ow::server::HallDisplay</name>
    <message>
        <source>en</source>
        <comment>the language code of the hall display (HTML lang; speech follows it)</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Please listen for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <source>Number {number}, please go to counter {counter}.</source>
        <comment>spoken; keep {number} and {counter}</comment>
        <translation>请 {number} 号到 {counter} 号窗口</translation>
    </message>
    <message>
        <source>Counter {counter}</source>
        <comment>keep {counter}</comment>
        <translation>{counter} 号窗口</translation>
    </message>
    <message>
        <source>called again</source>
        <translation>再次呼叫</translation>
    </message>
    <message>
        <source>Connection lost: the calls shown may be out of date</source>
        <translation>连接中断，显示的可能不是最新叫号</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>暂无叫号</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <source>Take a ticket at the kiosk; the ticket&apos;s QR code follows your place in the queue.</source>
        <translation>请在取号机取号；扫描号票上的二维码，可在手机上查看排队进度。</translation>
    </message>
    <message>
        <source>Your place in the queue</source>
        <translation>排队进度</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>您前面还有（人）</translation>
    </message>
    <message>
        <source>Waiting to be called</source>
        <translation>等候叫号</translation>
    </message>
    <message>
        <source>Called: please go to counter {counter} now</source>
        <translation>已叫号：请即到 {counter} 号窗口</translation>
    </message>
    <message>
        <source>Being served</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <source>This ticket is finished</source>
        <translation>本号已结束</translation>
    </message>
    <message>
        <source>On hold: the counter will call you again</source>
        <translation>暂缓办理：窗口将再次叫号</translation>
    </message>
    <message>
        <source>Connection lost: what is shown may be out of date</source>
        <translation>连接中断，显示的可能不是最新状态</translation>
    </message>
    <message>
        <source>There is no such ticket today.</source>
        <translation>今日没有这个号码。</translation>
    </message>
    <message>
        <source>This page refreshes by itself. A number missed three times lapses.</source>
        <translation>本页自动刷新。叫号三次未到视为过号。</translation>
    </message>
</context>
<context>
    <name>ow::setup</name>
    <message>
        <source>Choose the county or district of the hall.</source>
        <translation>请选择大厅所在的县/区。</translation>
    </message>
    <message>
        <source>The hall number is two characters, digits or capital letters (01, 02, A1…).</source>
        <translation>大厅编号为两位数字或大写字母（01、02、A1……）。</translation>
    </message>
    <message>
        <source>The counter number is 0 to 99.</source>
        <translation>窗口号为 0 到 99。</translation>
    </message>
    <message>
        <source>Enrol with the server first, or choose &quot;standalone&quot;.</source>
        <translation>请先注册到服务器，或选择“单机”。</translation>
    </message>
    <message>
        <source>No catalogue has been synced yet; choose a catalogue folder.</source>
        <translation>尚未同步任何事项目录，请选择事项目录文件夹。</translation>
    </message>
    <message>
        <source>Choose the catalogue folder.</source>
        <translation>请选择事项目录文件夹。</translation>
    </message>
    <message>
        <source>The catalogue folder %1 does not exist.</source>
        <translation>事项目录文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>无法写入设置文件 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address; write it as https://name:port.</source>
        <translation>“%1”不是服务器地址，请写成 https://名称:端口。</translation>
    </message>
    <message>
        <source>Type the enrolment code from the server&apos;s administrator.</source>
        <translation>请输入服务器管理员提供的注册码。</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached (%2). Check the address, the network and that the server runs.</source>
        <translation>无法连接服务器 %1（%2）。请检查地址、网络以及服务器是否在运行。</translation>
    </message>
    <message>
        <source>The server refused the enrolment code: it is wrong, already used or expired. Ask the server&apos;s administrator for a new one (onewindow-cli server enrol-code).</source>
        <translation>服务器拒绝了该注册码：注册码有误、已被使用或已过期。请向服务器管理员索取新的注册码（onewindow-cli server enrol-code）。</translation>
    </message>
    <message>
        <source>Enrolled as counter %1 (number %2) of hall %3.</source>
        <translation>已注册为大厅 %3 的窗口 %1（编号 %2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) of the hall fetched.</source>
        <translation>
            <numerusform>已获取本厅账号 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The hall&apos;s accounts could not be fetched yet (%1); the login waits for them, and the sync brings them once the server answers.</source>
        <translation>暂未能获取本厅账号（%1）；登录界面将等待，服务器恢复连接后由同步带来。</translation>
    </message>
</context>
<context>
    <name>ow::sharing</name>
    <message>
        <source>No data-sharing platform is configured on this workstation (sharing-endpoint).</source>
        <translation>本工作站未配置数据共享平台（sharing-endpoint）。</translation>
    </message>
    <message>
        <source>The data-sharing platform&apos;s answer is larger than the %1 KB a shared material may be.</source>
        <translation>数据共享平台的应答超过共享材料的上限 %1 KB。</translation>
    </message>
    <message numerus="yes">
        <source>The data-sharing platform did not answer within %n second(s).</source>
        <translation>
            <numerusform>数据共享平台在 %n 秒内未应答（超时）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The data-sharing platform has no record of %1 for this %2.</source>
        <translation>数据共享平台查无该%2对应的%1记录。</translation>
    </message>
    <message>
        <source>The data-sharing platform refused this workstation&apos;s credentials (app %1): check sharing-app-id and sharing-secret.</source>
        <translation>数据共享平台拒绝了本工作站的凭据（应用 %1），请检查 sharing-app-id 和 sharing-secret。</translation>
    </message>
    <message>
        <source>The data-sharing platform cannot be reached: %1.</source>
        <translation>无法连接数据共享平台：%1。</translation>
    </message>
    <message>
        <source>The data-sharing platform is unavailable (HTTP %1)%2; try again later or take the paper.</source>
        <translation>数据共享平台暂不可用（HTTP %1）%2；请稍后重试，或收取纸质材料。</translation>
    </message>
    <message>
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>citizen ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>The data-sharing platform&apos;s answer is malformed: %1.</source>
        <translation>数据共享平台的应答格式有误：%1。</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>it names no source</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>it has no reference</source>
        <translation>缺少平台编号</translation>
    </message>
    <message>
        <source>its content is not base64</source>
        <translation>内容不是 base64 编码</translation>
    </message>
    <message>
        <source>its content is not a PDF, JPEG or PNG</source>
        <translation>内容不是 PDF、JPEG 或 PNG 文件</translation>
    </message>
</context>
<context>
    <name>ow::storage</name>
    <message>
        <source>unknown database error</source>
        <translation>未知的数据库错误</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation>%1时数据库出错：%2</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed.</source>
        <translation>未安装 Qt 的 SQLite 驱动。</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>The database %1 could not switch to write-ahead logging (journal mode is “%2”).</source>
        <translation>数据库 %1 无法切换到预写式日志（WAL）模式（当前日志模式为“%2”）。</translation>
    </message>
    <message>
        <source>This SQLite build does not enforce foreign keys.</source>
        <translation>此 SQLite 版本不强制执行外键约束。</translation>
    </message>
    <message>
        <source>The database must be sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME, not “%1”.</source>
        <translation>数据库必须为 sqlite:PATH 或 postgresql://USER:PASSWORD@HOST:PORT/NAME，而不是“%1”。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>preparing a statement</source>
        <translation>准备 SQL 语句</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>开始事务</translation>
    </message>
    <message>
        <source>committing a transaction</source>
        <translation>提交事务</translation>
    </message>
    <message>
        <source>The database file %1 is empty (0 bytes): it was truncated or damaged. It is not started as a new database; restore it from a backup, or delete it if this is a new installation.</source>
        <translation>数据库文件 %1 为空（0 字节）：它被截断或已损坏。不会把它当作新数据库启动；请从备份恢复，如果这是新安装，可将其删除。</translation>
    </message>
    <message>
        <source>The database file %1 is damaged or is not a OneWindow database (%2). Restore it from a backup.</source>
        <translation>数据库文件 %1 已损坏，或不是 OneWindow 数据库（%2）。请从备份恢复。</translation>
    </message>
    <message>
        <source>checking the database file</source>
        <translation>检查数据库文件</translation>
    </message>
    <message>
        <source>The database file %1 is damaged (%2). It is not used: restore it from a backup (see “Recovery” in docs/deployment.md).</source>
        <translation>数据库文件 %1 已损坏（%2），不再使用：请从备份恢复（见 docs/deployment.md 中的“Recovery”一节）。</translation>
    </message>
</context>
<context>
    <name>ow::supervision</name>
    <message>
        <source>Rating %1: the applicant is to be called back by %2.</source>
        <translation>评价 %1 分：须于 %2 前回访申请人。</translation>
    </message>
    <message>
        <source>Rating %1: to be fixed and closed by %2.</source>
        <translation>评价 %1 分：须于 %2 前整改办结。</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高频</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>中频</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低频</translation>
    </message>
    <message>
        <source>%1 = “%2”: a whole number of working days from %3 to %4</source>
        <translation>%1 = “%2”：须为 %3 至 %4 之间的整数个工作日</translation>
    </message>
    <message>
        <source>whole case</source>
        <translation>全流程</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>department review</source>
        <translation>部门审查</translation>
    </message>
    <message>
        <source>result</source>
        <translation>办结出件</translation>
    </message>
    <message>
        <source>pickup</source>
        <translation>领取送达</translation>
    </message>
    <message>
        <source>rating follow-up</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <source>promised deadline</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>stage time</source>
        <translation>环节时限</translation>
    </message>
    <message>
        <source>notice without reasons</source>
        <translation>告知未说明理由</translation>
    </message>
    <message>
        <source>transfer list not confirmed</source>
        <translation>移交清单未确认</translation>
    </message>
    <message>
        <source>supplement overdue</source>
        <translation>补齐补正逾期</translation>
    </message>
    <message>
        <source>no status from the department</source>
        <translation>部门未反馈办理状态</translation>
    </message>
    <message>
        <source>bad rating: applicant not called back</source>
        <translation>差评：未按时回访</translation>
    </message>
    <message>
        <source>bad rating: not fixed</source>
        <translation>差评：未按时整改</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>The refusal notice states no reasons.</source>
        <translation>不予受理通知书未说明理由。</translation>
    </message>
    <message>
        <source>The correction notice names nothing to correct.</source>
        <translation>一次性告知书未列明需补正的内容。</translation>
    </message>
    <message>
        <source>Promised deadline %1 (%2).</source>
        <translation>承诺时限 %1（%2）。</translation>
    </message>
    <message>
        <source>Accepted %1, not yet handed to the department.</source>
        <translation>%1 受理，尚未移交承办部门。</translation>
    </message>
    <message>
        <source>On transfer list %1 of %2, not confirmed by the department that day.</source>
        <translation>已列入 %2 的移交清单 %1，承办部门当日未确认接收。</translation>
    </message>
    <message>
        <source>The department&apos;s review is due %1.</source>
        <translation>部门审查时限为 %1。</translation>
    </message>
    <message>
        <source>Transferred %1; no status from the department since.</source>
        <translation>%1 已移交，承办部门至今未反馈办理状态。</translation>
    </message>
    <message>
        <source>Decided %1; the result is not yet at the pickup counter.</source>
        <translation>%1 已作出决定，办理结果尚未送达综合出件窗口。</translation>
    </message>
    <message>
        <source>Ready since %1; not yet handed over or mailed.</source>
        <translation>自 %1 起待领取，尚未领取或寄出。</translation>
    </message>
    <message>
        <source>“%1” was due %2.</source>
        <translation>“%1”应于 %2 前补齐。</translation>
    </message>
    <message>
        <source>%1 = “%2”: a whole number from %3 to %4</source>
        <translation>%1 = “%2”：须为 %3 至 %4 之间的整数</translation>
    </message>
    <message>
        <source>points/grade_%1_points = %2: a grade needs at least the points of the grade below (%3)</source>
        <translation>points/grade_%1_points = %2：较高等级所需积分不得低于下一级（%3）</translation>
    </message>
    <message>
        <source>points/grade_%1_matters = %2: a grade needs at least the matters of the grade below (%3)</source>
        <translation>points/grade_%1_matters = %2：较高等级所需熟练事项数不得低于下一级（%3）</translation>
    </message>
    <message>
        <source>%1 = “%2”: a whole number of hours from 1 to 24</source>
        <translation>%1 = “%2”：应为 1 至 24 之间的整数小时</translation>
    </message>
    <message>
        <source>counter</source>
        <comment>complaint</comment>
        <translation>窗口</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <comment>complaint</comment>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>online</source>
        <comment>complaint</comment>
        <translation>网上</translation>
    </message>
    <message>
        <source>received</source>
        <comment>complaint</comment>
        <translation>待分派</translation>
    </message>
    <message>
        <source>assigned</source>
        <comment>complaint</comment>
        <translation>已分派</translation>
    </message>
    <message>
        <source>replied</source>
        <comment>complaint</comment>
        <translation>已答复</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>complaint</comment>
        <translation>已办结</translation>
    </message>
    <message>
        <source>satisfied</source>
        <comment>complaint</comment>
        <translation>满意</translation>
    </message>
    <message>
        <source>unsatisfied</source>
        <comment>complaint</comment>
        <translation>不满意</translation>
    </message>
    <message>
        <source>complainant unreachable</source>
        <comment>complaint</comment>
        <translation>联系不上投诉人</translation>
    </message>
    <message numerus="yes">
        <source>Complaint %1 (%2) is still %3, %n day(s) past its deadline.</source>
        <translation>
            <numerusform>投诉 %1（%2）仍为“%3”，已超过办结时限 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>complaint past its deadline</source>
        <translation>投诉逾期未办结</translation>
    </message>
</context>
<context>
    <name>ow::sync</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The catalogue package is not JSON: %1</source>
        <translation>事项目录包不是 JSON：%1</translation>
    </message>
    <message>
        <source>The catalogue package has no id or no usable version.</source>
        <translation>事项目录包没有 id 或没有可用的版本。</translation>
    </message>
    <message>
        <source>The catalogue package names an unsafe path: %1</source>
        <translation>事项目录包中含有不安全的路径：%1</translation>
    </message>
    <message>
        <source>The file %1 of the catalogue package is damaged (SHA-256).</source>
        <translation>事项目录包中的文件 %1 已损坏（SHA-256 不符）。</translation>
    </message>
    <message>
        <source>The catalogue package has no files.</source>
        <translation>事项目录包中没有文件。</translation>
    </message>
    <message>
        <source>The catalogue folder %1 exists already.</source>
        <translation>事项目录文件夹 %1 已存在。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>无法创建 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot move the new catalogue into %1.</source>
        <translation>无法将新事项目录移入 %1。</translation>
    </message>
    <message>
        <source>The server names no usable current catalogue version.</source>
        <translation>服务器未给出可用的当前事项目录版本。</translation>
    </message>
    <message>
        <source>The catalogue package %1 does not match what the server announced.</source>
        <translation>事项目录包 %1 与服务器公布的信息不符。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>The server answered %1 (%2): %3</source>
        <translation>服务器返回 %1（%2）：%3</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a JSON object: %1</source>
        <translation>服务器的应答不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The server&apos;s enrolment answer lacks the token, hall or counter.</source>
        <translation>服务器的注册应答缺少令牌、大厅或窗口信息。</translation>
    </message>
    <message>
        <source>The server does not take the upload of scan %1 (it stays at byte %2 of %3).</source>
        <translation>服务器不接受扫描件 %1 的上传（停在 %3 字节中的第 %2 字节）。</translation>
    </message>
    <message>
        <source>The scan %1 is not in this workstation&apos;s attachment store.</source>
        <translation>扫描件 %1 不在本工作站的附件库中。</translation>
    </message>
    <message>
        <source>The server answered for none of the %1 events sent.</source>
        <translation>已发送 %1 个事件，服务器均未应答。</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server.</source>
        <translation>本工作站尚未注册到服务器。</translation>
    </message>
    <message>
        <source>The package names %1 twice.</source>
        <translation>目录包中 %1 出现了两次。</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the server&apos;s; have it set right.</source>
        <translation>
            <numerusform>本机时钟比服务器慢 %n 分钟，请校正。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the server&apos;s; have it set right.</source>
        <translation>
            <numerusform>本机时钟比服务器快 %n 分钟，请校正。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) cannot be read and wait with their cases: scan again or discard (onewindow-cli sync status).</source>
        <translation>
            <numerusform>%n 份扫描件无法读取，所属办件暂缓发送：请重新扫描或放弃（onewindow-cli sync status）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a link to a file outside the catalogue folder; copy the file into the folder</source>
        <translation>%1 是指向事项目录文件夹以外文件的链接；请把该文件复制到文件夹内</translation>
    </message>
    <message>
        <source>The hall&apos;s server %1 cannot be reached (%2). Nothing was changed: the hall&apos;s accounts are changed only on the server. Try again when it is back, or change the account on the server with onewindow-cli account.</source>
        <translation>无法连接大厅服务器 %1（%2）。未作任何修改：大厅账号只能在服务器上修改。请待服务器恢复后重试，或在服务器上使用 onewindow-cli account 修改账号。</translation>
    </message>
    <message>
        <source>The hall&apos;s server did not take the password changed at this counter for %1 (a hall administrator&apos;s password is changed only while the server is reachable, or it was reset on the server since): the password the server holds is valid again.</source>
        <translation>大厅服务器未接受 %1 在本窗口修改的密码（管理员的密码只能在联网时修改，或该密码已在服务器上重置）：现恢复以服务器上的密码为准。</translation>
    </message>
    <message>
        <source>A hall administrator&apos;s password can be changed only while the hall&apos;s server is reachable, and the server %1 cannot be reached now (%2). Nothing was changed: try again when the server is back.</source>
        <translation>管理员的密码只能在联网时修改，目前无法连接大厅服务器 %1（%2）。密码未作修改，请在服务器恢复后再试。</translation>
    </message>
    <message>
        <source>The hall&apos;s server refused the new password: %1 Nothing was changed.</source>
        <translation>大厅服务器拒绝了新密码：%1 密码未作修改。</translation>
    </message>
    <message>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候人员。</translation>
    </message>
    <message>
        <source>The hall&apos;s queue cannot be reached (%1); the ticket&apos;s change is kept and sent when it answers again.</source>
        <translation>暂时无法连接排队叫号服务器（%1）；该号票的状态变更已保留，连接恢复后自动补发。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The server&apos;s answer for pre-application %1 cannot be read: %2</source>
        <translation>服务器关于网上预申报 %1 的应答无法读取：%2</translation>
    </message>
    <message>
        <source>the code, the matter or the state is missing</source>
        <translation>缺少预申报码、事项或状态</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>申请人信息</translation>
    </message>
    <message>
        <source>a scan without its id, size or SHA-256</source>
        <translation>有扫描件缺少编号、大小或 SHA-256 校验值</translation>
    </message>
    <message>
        <source>The hall&apos;s pre-applications could not be listed</source>
        <translation>无法列出本大厅的网上预申报</translation>
    </message>
    <message>
        <source>The hall&apos;s server has no pre-application %1: check the code.</source>
        <translation>大厅服务器上没有网上预申报 %1，请核对预申报码。</translation>
    </message>
    <message>
        <source>The pre-application %1 could not be fetched</source>
        <translation>无法获取网上预申报 %1</translation>
    </message>
    <message>
        <source>it names another pre-application, %1</source>
        <translation>应答中的是另一件预申报 %1</translation>
    </message>
    <message>
        <source>The scan %1 of pre-application %2 could not be fetched</source>
        <translation>无法获取网上预申报 %2 的扫描件 %1</translation>
    </message>
    <message>
        <source>%1: it is listed with %2 bytes, more than a scan may have.</source>
        <translation>%1：登记的大小为 %2 字节，超过扫描件允许的上限。</translation>
    </message>
    <message>
        <source>%1: the bytes received do not match the size and SHA-256 the server listed (damaged on the way, or changed on the server).</source>
        <translation>%1：收到的内容与服务器登记的大小和 SHA-256 校验值不符（传输中损坏，或在服务器上被改动）。</translation>
    </message>
    <message>
        <source>A pre-application is returned with at least one reason the applicant can act on.</source>
        <translation>退回网上预申报须至少写明一条申请人可据以补正的理由。</translation>
    </message>
    <message>
        <source>The review of pre-application %1 was not recorded</source>
        <translation>网上预申报 %1 的预审结果未能记录</translation>
    </message>
    <message>
        <source>Pre-application %1 could not be marked as taken by case %2</source>
        <translation>无法将网上预申报 %1 标记为已由办件 %2 受理</translation>
    </message>
    <message>
        <source>the answer ended after %1 of %2 bytes</source>
        <translation>应答在 %2 字节中的第 %1 字节处中断</translation>
    </message>
    <message>
        <source>the answer has %1 bytes, more than the %2 expected</source>
        <translation>应答有 %1 字节，超过预期的 %2 字节</translation>
    </message>
    <message>
        <source>No temporary folder for the submitted catalogue: %1</source>
        <translation>无法为提交的目录建立临时文件夹：%1</translation>
    </message>
    <message>
        <source>The server sent catalogue version %1 for submission %2, which is version %3.</source>
        <translation>服务器为提交 %2 发来的是目录版本 %1，而该提交的版本是 %3。</translation>
    </message>
    <message>
        <source>The server answered for none of the %1 complaints sent.</source>
        <translation>发送的 %1 件投诉，服务器一件也未答复。</translation>
    </message>
    <message>
        <source>The server sent %1 bytes; the department announced %2.</source>
        <translation>服务器发来 %1 字节，部门告知的大小为 %2 字节。</translation>
    </message>
    <message>
        <source>The file the server sent does not match the SHA-256 the department announced.</source>
        <translation>服务器发来的文件与部门告知的 SHA-256 不一致。</translation>
    </message>
    <message>
        <source>The file is not a PDF document.</source>
        <translation>该文件不是 PDF 文件。</translation>
    </message>
    <message>
        <source>The server does not hold the document yet.</source>
        <translation>服务器尚未收到该文书。</translation>
    </message>
    <message numerus="yes">
        <source>%n result document(s) from departments were refused as received and are fetched again each round (onewindow-cli sync status).</source>
        <translation>
            <numerusform>有 %n 份部门结果文书接收时被拒收，每轮同步将重新获取（onewindow-cli sync status）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::tableimport</name>
    <message>
        <source>%1 could not be copied for checking</source>
        <translation>无法复制 %1 以供检查</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>this is an old Excel .xls workbook, which cannot be read: save it as .xlsx or as &quot;CSV UTF-8&quot;</source>
        <translation>这是旧版 Excel .xls 工作簿，无法读取：请另存为 .xlsx 或“CSV UTF-8”</translation>
    </message>
    <message>
        <source>the file is not a complete .xlsx workbook (its ZIP container is damaged or cut short): save it again from the spreadsheet program</source>
        <translation>该文件不是完整的 .xlsx 工作簿（其 ZIP 压缩包已损坏或不完整）：请用电子表格软件重新保存</translation>
    </message>
    <message>
        <source>a CSV file has no sheets: leave out the sheet</source>
        <translation>CSV 文件没有工作表：请去掉工作表参数</translation>
    </message>
    <message>
        <source>there is no file %1</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; a material table is far smaller</source>
        <translation>%1 超过 %2 MiB，材料清单表远没有这么大</translation>
    </message>
    <message>
        <source>the workbook&apos;s part %1 is not well-formed XML (line %2): %3</source>
        <translation>工作簿的组成部分 %1 不是格式正确的 XML（第%2行）：%3</translation>
    </message>
    <message>
        <source>the workbook has no sheet</source>
        <translation>工作簿中没有工作表</translation>
    </message>
    <message>
        <source>the workbook holds more than %1 texts; this is not a material table</source>
        <translation>工作簿中的文本超过 %1 条，这不是材料清单表</translation>
    </message>
    <message>
        <source>the quoted cell in row %1 is never closed: the file may be cut short</source>
        <translation>第%1行有一个引号括起的单元格没有结束：文件可能不完整</translation>
    </message>
    <message>
        <source>row %1: a cell is longer than %2 characters</source>
        <translation>第%1行：有单元格超过 %2 个字符</translation>
    </message>
    <message>
        <source>row %1 has more than %2 columns</source>
        <translation>第%1行超过 %2 列</translation>
    </message>
    <message>
        <source>the table has more than %1 rows; split it by matter</source>
        <translation>清单超过 %1 行，请按事项拆分</translation>
    </message>
    <message>
        <source>the file starts as UTF-8 but holds bytes that are not UTF-8: save it again as &quot;CSV UTF-8&quot;</source>
        <translation>文件以 UTF-8 开头，却含有非 UTF-8 的字节：请重新另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>the file starts as UTF-16 but is damaged: save it again as &quot;CSV UTF-8&quot;</source>
        <translation>文件以 UTF-16 开头，但已损坏：请重新另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>this is not a text table (it holds NUL bytes): save the table as &quot;CSV UTF-8&quot; or as .xlsx</source>
        <translation>这不是文本表格（含有 NUL 字节）：请将清单另存为“CSV UTF-8”或 .xlsx</translation>
    </message>
    <message>
        <source>the file is not UTF-8, and this build cannot read GB18030: save the table as &quot;CSV UTF-8&quot;</source>
        <translation>文件不是 UTF-8 编码，本程序无法读取 GB18030：请将清单另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor GB18030 text: save the table as &quot;CSV UTF-8&quot; or as .xlsx</source>
        <translation>文件既不是 UTF-8 也不是 GB18030 编码的文本：请将清单另存为“CSV UTF-8”或 .xlsx</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation>文件超过 %1 MiB</translation>
    </message>
    <message>
        <source>%1 is not a file name inside %2/</source>
        <translation>%1 不是 %2/ 文件夹内的文件名</translation>
    </message>
    <message>
        <source>the catalogue has no file %1: copy it into the folder %2/ first</source>
        <translation>目录中没有文件 %1：请先将其复制到 %2/ 文件夹</translation>
    </message>
    <message>
        <source>%1 is not a PNG or JPEG image; a sample is a picture of the material with its review points marked</source>
        <translation>%1 不是 PNG 或 JPEG 图片；示例是标注了审查要点的材料图片</translation>
    </message>
    <message>
        <source>the image %1 does not decode whole (cut short or damaged): export it again</source>
        <translation>图片 %1 无法完整解码（不完整或已损坏）：请重新导出</translation>
    </message>
    <message>
        <source>%1 names no option of the matter&apos;s questions: write the options&apos; labels as the matter has them, or a condition such as bath-area &gt;= 150</source>
        <translation>%1 与该事项情形问题的任何选项都对不上：请按事项中的写法填写选项名称，或写条件，如 bath-area &gt;= 150</translation>
    </message>
    <message>
        <source>these words name options of several questions: %1</source>
        <translation>这些词对应多个问题的选项：%1</translation>
    </message>
    <message>
        <source>the condition %1 does not fit the matter: %2</source>
        <translation>条件 %1 与该事项不符：%2</translation>
    </message>
    <message>
        <source>%1 is neither 是 nor 否</source>
        <translation>%1 既不是“是”也不是“否”</translation>
    </message>
    <message>
        <source>%1 says the form twice, differently</source>
        <translation>%1 两次写了材料形式，且不一致</translation>
    </message>
    <message>
        <source>%1 is not a category: write 表格, 证照批文, 技术性文件, 申请书, 承诺书 or 其他</source>
        <translation>%1 不是材料类别：请填写表格、证照批文、技术性文件、申请书、承诺书或其他</translation>
    </message>
    <message>
        <source>the catalogue has no matter %1</source>
        <translation>目录中没有事项 %1</translation>
    </message>
    <message>
        <source>the row names no material</source>
        <translation>该行没有填写材料名称</translation>
    </message>
    <message>
        <source>%1 is also in row %2, described differently; write one material the same way in each of its rows (only 所属情形 and 是否容缺 may differ)</source>
        <translation>%1 在第%2行也出现，但写法不同；同一材料在各行中应写得一致（只有所属情形和是否容缺可以不同）</translation>
    </message>
    <message>
        <source>%1 is listed twice for the same situation (rows %2 and %3)</source>
        <translation>%1 在同一情形下列了两次（第%2行和第%3行）</translation>
    </message>
    <message>
        <source>%1: the medium (介质) stays the library&apos;s, %2</source>
        <translation>%1：介质保留材料库中的“%2”</translation>
    </message>
    <message>
        <source>the source (来源渠道) %1</source>
        <translation>来源渠道 %1</translation>
    </message>
    <message>
        <source>the blank form %1</source>
        <translation>空表 %1</translation>
    </message>
    <message>
        <source>the sample %1</source>
        <translation>示例 %1</translation>
    </message>
    <message>
        <source>%1 is the library&apos;s material %2; it keeps %3</source>
        <translation>%1 即材料库中的材料 %2，保留其%3</translation>
    </message>
    <message>
        <source>matter %1 already requires %2 in this situation; left as it is</source>
        <translation>事项 %1 在该情形下已要求 %2，保持不变</translation>
    </message>
    <message>
        <source>the table has a header (row %1) but no material rows under it</source>
        <translation>清单有表头（第%1行），但其下没有材料行</translation>
    </message>
    <message>
        <source>the matter&apos;s first line (%1) is not in its file</source>
        <translation>事项的首行（第%1行）不在其文件中</translation>
    </message>
    <message>
        <source>rows of the table cannot be imported (%1); nothing was written</source>
        <translation>清单中有行无法导入（%1 行），未写入任何内容</translation>
    </message>
    <message>
        <source>no temporary folder for checking the import: %1</source>
        <translation>无法建立用于检查导入的临时文件夹：%1</translation>
    </message>
    <message>
        <source>%1 changed since the import was planned; nothing was written: run the import again</source>
        <translation>%1 在生成导入方案后已被修改，未写入任何内容：请重新导入</translation>
    </message>
    <message>
        <source>%1 appeared since the import was planned; nothing was written: run the import again</source>
        <translation>%1 在生成导入方案后出现，未写入任何内容：请重新导入</translation>
    </message>
    <message>
        <source>the matter has no question %1</source>
        <translation>该事项没有问题 %1</translation>
    </message>
    <message>
        <source>question %1 has no option %2</source>
        <translation>问题 %1 没有选项 %2</translation>
    </message>
    <message>
        <source>%1 (write one of %2)</source>
        <translation>%1（请改写为 %2 之一）</translation>
    </message>
    <message>
        <source>row %1: the columns %2 and %3 both hold %4; keep one</source>
        <translation>第%1行：%2 列和 %3 列都是“%4”，请只保留一列</translation>
    </message>
    <message>
        <source>the header (row %1) has no column 所属情形 (Situation): add it, with 基本材料 in the rows every situation needs</source>
        <translation>表头（第%1行）缺少“所属情形”列：请添加该列，所有情形都需要的材料填“基本材料”</translation>
    </message>
    <message>
        <source>the table is empty</source>
        <translation>清单是空的</translation>
    </message>
    <message>
        <source>no header row: none of the first %1 rows has a column 材料名称 (Material)</source>
        <translation>没有表头：前 %1 行中没有一行含“材料名称”列</translation>
    </message>
    <message>
        <source>the sheet has a row numbered &quot;%1&quot;</source>
        <translation>工作表中有编号为“%1”的行</translation>
    </message>
    <message>
        <source>the sheet has a cell named &quot;%1&quot; in row %2</source>
        <translation>工作表第%2行中有名为“%1”的单元格</translation>
    </message>
    <message>
        <source>the sheet has a cell outside any row</source>
        <translation>工作表中有不属于任何行的单元格</translation>
    </message>
    <message>
        <source>cell %1%2 names text number %3, which the workbook does not have</source>
        <translation>单元格 %1%2 引用了第 %3 条文本，工作簿中没有这条文本</translation>
    </message>
    <message>
        <source>cell %1%2 lies past column %3; a material table has fewer columns</source>
        <translation>单元格 %1%2 超出了 %3 列，材料清单表没有这么多列</translation>
    </message>
    <message>
        <source>cell %1%2 is longer than %3 characters</source>
        <translation>单元格 %1%2 超过 %3 个字符</translation>
    </message>
    <message>
        <source>the sheet merges cells &quot;%1&quot;, which is not a range</source>
        <translation>工作表合并的单元格“%1”不是一个区域</translation>
    </message>
    <message>
        <source>the sheet merges too many ranges; this is not a material table</source>
        <translation>工作表合并的区域过多，这不是材料清单表</translation>
    </message>
    <message>
        <source>the sheet&apos;s merged cells cover too much; this is not a material table</source>
        <translation>工作表合并单元格覆盖的范围过大，这不是材料清单表</translation>
    </message>
    <message>
        <source>the file is a ZIP container but not an .xlsx workbook (it has no %1)</source>
        <translation>该文件是 ZIP 压缩包，但不是 .xlsx 工作簿（没有 %1）</translation>
    </message>
    <message>
        <source>the workbook has no sheet &quot;%1&quot;; its sheets: %2</source>
        <translation>工作簿中没有工作表“%1”；现有工作表：%2</translation>
    </message>
    <message>
        <source>the workbook names sheet part %1, which it does not hold</source>
        <translation>工作簿引用了工作表部分 %1，但其中没有</translation>
    </message>
    <message>
        <source>the ZIP container could not be read</source>
        <translation>无法读取 ZIP 压缩包</translation>
    </message>
    <message>
        <source>the workbook holds more than %1 parts; this is not a material table</source>
        <translation>工作簿的组成部分超过 %1 个，这不是材料清单表</translation>
    </message>
    <message>
        <source>the workbook has no part %1</source>
        <translation>工作簿中没有组成部分 %1</translation>
    </message>
    <message>
        <source>the workbook&apos;s part %1 is damaged (it does not inflate or its checksum is wrong)</source>
        <translation>工作簿的组成部分 %1 已损坏（无法解压或校验和不符）</translation>
    </message>
    <message>
        <source>the workbook&apos;s part %1 inflates to more than %2 MiB; this is not a material table</source>
        <translation>工作簿的组成部分 %1 解压后超过 %2 MiB，这不是材料清单表</translation>
    </message>
    <message>
        <source>the workbook&apos;s parts inflate to more than the %1 MiB allowed in all; this is not a material table</source>
        <translation>工作簿各部分解压后合计超过允许的 %1 MiB，这不是材料清单表</translation>
    </message>
    <message>
        <source>the catalogue has errors; correct them before importing (see the problems)</source>
        <translation>目录有错误，请先改正（见“检查问题”）再导入</translation>
    </message>
    <message>
        <source>%1 is not among the catalogue&apos;s files</source>
        <translation>%1 不在目录的文件中</translation>
    </message>
</context>
<context>
    <name>ow::ui</name>
    <message>
        <source>No case store is open.</source>
        <translation>未打开办件库。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>Asked for: %1</source>
        <translation>要求补交：%1</translation>
    </message>
    <message>
        <source>Collected by an agent: %1 %2</source>
        <translation>由代理人领取：%1 %2</translation>
    </message>
    <message>
        <source>Collected by the applicant: %1 %2</source>
        <translation>由申请人本人领取：%1 %2</translation>
    </message>
    <message>
        <source>EMS tracking number %1</source>
        <translation>EMS 运单号 %1</translation>
    </message>
    <message>
        <source>Clock paused: %1</source>
        <translation>暂停计时：%1</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Awaited: %1</source>
        <translation>待补：%1</translation>
    </message>
    <message>
        <source>awaited</source>
        <translation>待补</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>逾期 %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>Asked by an agent, %1: %2</source>
        <translation>委托代理人%1提出：%2</translation>
    </message>
    <message>
        <source>Asked by the applicant, %1: %2</source>
        <translation>申请人%1本人提出：%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::AcceptanceWalkInterview</name>
    <message>
        <source>Acceptance walk: %1</source>
        <translation>模拟受理：%1</translation>
    </message>
    <message>
        <source>Catalogue version %1 under acceptance (submission %2): walk this situation as an applicant would be served. What changed: %3</source>
        <translation>待验收的目录版本 %1（提交编号 %2）：请像为申请人办理一样走一遍该情形。变更内容：%3</translation>
    </message>
    <message>
        <source>(not listed)</source>
        <translation>（未列出）</translation>
    </message>
    <message>
        <source>&amp;Objection (what is wrong, if anything):</source>
        <translation>异议（如有问题请写明）(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Walked, no objection</source>
        <translation>受理无异议(&amp;W)</translation>
    </message>
    <message>
        <source>Record ob&amp;jection</source>
        <translation>提出异议(&amp;J)</translation>
    </message>
    <message>
        <source>Version %1 has no %2: record an objection.</source>
        <translation>版本 %1 中没有 %2，请提出异议。</translation>
    </message>
    <message>
        <source>Answer the open questions to reach the situation under acceptance.</source>
        <translation>请回答尚未回答的问题，走到待验收的情形。</translation>
    </message>
    <message>
        <source>These answers are not the situation under acceptance (%1): go back to it to record the walk, or record an objection.</source>
        <translation>当前答案不是待验收的情形（%1）：请回到该情形后再登记模拟受理，或提出异议。</translation>
    </message>
    <message>
        <source>This is the situation under acceptance. Check the checklist, the samples and the review points as at the counter.</source>
        <translation>这是待验收的情形。请像在窗口受理一样核对材料清单、示例样本和审查要点。</translation>
    </message>
</context>
<context>
    <name>ow::ui::AcceptanceWalksDialog</name>
    <message>
        <source>Acceptance walks</source>
        <translation>模拟受理</translation>
    </message>
    <message>
        <source>Matter and situation</source>
        <translation>事项和办事情形</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>已受理窗口</translation>
    </message>
    <message>
        <source>What changed in this situation:</source>
        <translation>此办事情形的变化：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>No situation is waiting for this counter&apos;s walk.</source>
        <translation>没有等待本窗口模拟受理的办事情形。</translation>
    </message>
    <message numerus="yes">
        <source>%n situation(s) waiting for this counter.</source>
        <translation>
            <numerusform>%n 个办事情形等待本窗口模拟受理。</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Version %1, submission %2
Answers: %3

%4</source>
        <translation>版本 %1，提交 %2
情形答案：%3

%4</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>（无情形问题）</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
    <message>
        <source>Objection recorded for %1; the version goes back to its editor.</source>
        <translation>已记录对“%1”的异议；该版本将退回编辑人。</translation>
    </message>
    <message>
        <source>Walk recorded for %1.</source>
        <translation>已记录“%1”的模拟受理。</translation>
    </message>
    <message>
        <source>Changed situations of catalogue versions under acceptance. Walk each one (Enter) in the counter&apos;s interview on the submitted version, as an applicant would be served; it passes once %1 different counters walked it without objection.</source>
        <translation>待验收目录版本中有变更的办事情形。请在窗口的情形问答中按提交的版本逐一模拟受理（回车），如同为申请人办理；%1 个不同窗口无异议受理后即通过。</translation>
    </message>
    <message>
        <source>&amp;Walk…</source>
        <translation>模拟受理(&amp;W)…</translation>
    </message>
    <message>
        <source>Bundle %1</source>
        <translation>一件事：%1</translation>
    </message>
    <message>
        <source>Version %1 could not be opened for the walk: %2</source>
        <translation>无法打开版本 %1 进行模拟受理：%2</translation>
    </message>
    <message>
        <source>Nothing recorded for %1.</source>
        <translation>%1 未作登记。</translation>
    </message>
</context>
<context>
    <name>ow::ui::AccountEditDialog</name>
    <message>
        <source>Add clerk</source>
        <translation>新增工作人员</translation>
    </message>
    <message>
        <source>Rename clerk</source>
        <translation>修改工作人员姓名</translation>
    </message>
    <message>
        <source>Roles of the clerk</source>
        <translation>工作人员的角色</translation>
    </message>
    <message>
        <source>&amp;Staff number:</source>
        <translation>工号(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Enter the staff number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>ow::ui::AccountTableModel</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Enabled, must change password</source>
        <translation>已启用，须修改密码</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ow::ui::AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>Filter by staff number, name, role or state (Ctrl+F)</source>
        <translation>按工号、姓名、角色或状态筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>改名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>角色(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解除锁定(&amp;U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账号管理(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>启用(&amp;E)…</translation>
    </message>
    <message>
        <source>A new password for %1 was shown once; the clerk must change it at the first login.</source>
        <translation>已显示一次 %1 的新密码；该工作人员首次登录时必须修改。</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>The password of %1, shown only now:</source>
        <translation>%1 的密码，仅此一次显示：</translation>
    </message>
    <message>
        <source>Give it to the clerk; it must be replaced at the first login.</source>
        <translation>请将其交给该工作人员；首次登录时必须更换。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>You cannot disable your own account while you are signed in with it.</source>
        <translation>不能停用当前登录使用的本人账号。</translation>
    </message>
    <message>
        <source>Enable clerk</source>
        <translation>启用工作人员</translation>
    </message>
    <message>
        <source>Enable %1?</source>
        <translation>启用 %1？</translation>
    </message>
    <message>
        <source>The clerk can log in again with the current password.</source>
        <translation>该工作人员可再次用现有密码登录。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable clerk</source>
        <translation>停用工作人员</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>停用 %1？</translation>
    </message>
    <message>
        <source>The clerk can no longer log in at this counter. The cases and audit rows stay.</source>
        <translation>该工作人员将无法在本窗口登录。其办件和审计记录保留。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Reset the password of %1?</source>
        <translation>重置 %1 的密码？</translation>
    </message>
    <message>
        <source>A new password is generated and shown once; the old one stops working and a lockout is lifted.</source>
        <translation>将生成新密码并只显示一次；旧密码随即失效，锁定同时解除。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>%1 may log in again.</source>
        <translation>%1 可以重新登录。</translation>
    </message>
    <message>
        <source>The hall&apos;s accounts are kept on its server: each change is sent there at once, checked with your password, and reaches every counter with the sync. Without the server nothing is changed. Unlock lifts a lockout on this counter only.</source>
        <translation>大厅账号保存在大厅服务器上：每项修改都会立即发送到服务器，并以您的密码核验，随同步送达每个窗口。服务器无法连接时不作任何修改。“解锁”仅解除本窗口的锁定。</translation>
    </message>
    <message>
        <source>Your &amp;password (for the server):</source>
        <translation>您的密码（供服务器核验）(&amp;P)：</translation>
    </message>
    <message>
        <source>Type your password first: the server checks it for every change of the hall&apos;s accounts.</source>
        <translation>请先输入您的密码：服务器对大厅账号的每项修改都要核验。</translation>
    </message>
    <message>
        <source>Sending the change to the hall&apos;s server…</source>
        <translation>正在将修改发送到大厅服务器…</translation>
    </message>
    <message>
        <source>The clerk can no longer log in at any counter of the hall, from each counter&apos;s next sync on. The cases and audit rows stay.</source>
        <translation>各窗口下次同步后，该工作人员将无法在本大厅任何窗口登录。办件和审计记录予以保留。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ApplicantForm</name>
    <message>
        <source>&amp;Enterprise</source>
        <translation>企业(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Other organisation</source>
        <translation>其他组织(&amp;O)</translation>
    </message>
    <message>
        <source>Legal representative:</source>
        <translation>法定代表人：</translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation>项目名称：</translation>
    </message>
    <message>
        <source>Contact name:</source>
        <translation>联系人姓名：</translation>
    </message>
    <message>
        <source>Contact mobile:</source>
        <translation>联系人手机：</translation>
    </message>
    <message>
        <source>Contact&apos;s ID number:</source>
        <translation>联系人公民身份号码：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>邮政编码：</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>An &amp;agent applies on the applicant&apos;s behalf (authorisation letter needed)</source>
        <translation>由代理人代为申请（需提供授权委托书）(&amp;A)</translation>
    </message>
    <message>
        <source>Deliver the result by &amp;post (EMS)</source>
        <translation>办理结果邮寄送达（EMS）(&amp;P)</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Recipient name:</source>
        <translation>收件人姓名：</translation>
    </message>
    <message>
        <source>Recipient mobile:</source>
        <translation>收件人手机：</translation>
    </message>
    <message>
        <source>Province / city / district:</source>
        <translation>省 / 市 / 区（县）：</translation>
    </message>
    <message>
        <source>Street address:</source>
        <translation>详细地址：</translation>
    </message>
    <message>
        <source>Recipient postcode:</source>
        <translation>收件人邮政编码：</translation>
    </message>
    <message>
        <source>Read the ID card</source>
        <translation>读取身份证</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Applicant&apos;s name:</source>
        <translation>申请人姓名：</translation>
    </message>
    <message>
        <source>Organisation&apos;s name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Citizen ID number:</source>
        <translation>公民身份号码：</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>This is a landline number; a mobile number is needed for text messages.</source>
        <translation>这是固定电话号码；发送短信需要手机号码。</translation>
    </message>
    <message>
        <source>Pe&amp;rson</source>
        <translation>自然人(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ow::ui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>All clerks</source>
        <translation>全部工作人员</translation>
    </message>
    <message>
        <source>any part of the number</source>
        <translation>编码的任意部分</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;lerk</source>
        <translation>工作人员(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation>统一申报编码(&amp;N)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>校验链</translation>
    </message>
    <message>
        <source>&amp;Export period to CSV…</source>
        <translation>导出本时段为 CSV(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>Chain verified: all %n row(s) are as they were written.</source>
        <translation>
            <numerusform>校验链完整：全部 %n 条记录均未被改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain BROKEN at row %1: %2 Rows before it verify; rows after it cannot be trusted.</source>
        <translation>校验链在第 %1 条断裂：%2 此前的记录校验通过，此后的记录不可采信。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>共 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>audit-log-%1-%2.csv</source>
        <translation>审计日志-%1-%2.csv</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 条至 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>更多(&amp;M)</translation>
    </message>
    <message>
        <source>Showing %1 of %2 rows, newest first; More (or PageDown at the last row) shows the next %3. The export takes them all.</source>
        <translation>显示 %1 / 共 %2 条，最新的在前；点“更多”（或在最后一行按 PageDown）再显示 %3 条。导出时导出全部。</translation>
    </message>
</context>
<context>
    <name>ow::ui::CameraCaptureDialog</name>
    <message>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <source>Document camera — %1</source>
        <translation>高拍仪 — %1</translation>
    </message>
    <message>
        <source>Place the first page under the camera and press Space.</source>
        <translation>请将第一页放到高拍仪下，然后按 Space。</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Camera · %1</source>
        <translation>摄像头 · %1</translation>
    </message>
    <message>
        <source>No pages yet</source>
        <translation>尚无页面</translation>
    </message>
    <message>
        <source>Take page (Space)</source>
        <translation>拍摄本页（Space）</translation>
    </message>
    <message>
        <source>Turn left (Ctrl+L)</source>
        <translation>向左旋转（Ctrl+L）</translation>
    </message>
    <message>
        <source>Turn right (Ctrl+R)</source>
        <translation>向右旋转（Ctrl+R）</translation>
    </message>
    <message>
        <source>Crop to page (Ctrl+K)</source>
        <translation>裁切到页面（Ctrl+K）</translation>
    </message>
    <message>
        <source>Delete page (Del)</source>
        <translation>删除本页（Del）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Done (Ctrl+Enter)</source>
        <translation>完成（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <source>Page %1 taken. Space takes the next page; Ctrl+Enter when the material is complete.</source>
        <translation>已拍摄第 %1 页。按 Space 拍摄下一页；该材料拍完后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <source>Page %1 taken whole: %2</source>
        <translation>第 %1 页按整张照片保存：%2</translation>
    </message>
    <message>
        <source>whole photo</source>
        <translation>整张照片</translation>
    </message>
    <message>
        <source>whole photo, no page found</source>
        <translation>整张照片，未找到页面</translation>
    </message>
    <message>
        <source>cropped, levelled by %1°</source>
        <translation>已裁切，纠偏 %1°</translation>
    </message>
    <message>
        <source>cropped</source>
        <translation>已裁切</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3</source>
        <translation>第 %1/%2 页 · %3</translation>
    </message>
    <message>
        <source>Page %1 deleted.</source>
        <translation>已删除第 %1 页。</translation>
    </message>
    <message>
        <source>The camera is off.</source>
        <translation>摄像头已关闭。</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <source>Ready. Place the page under the camera; Space or Enter takes it.</source>
        <translation>已就绪。请将页面放到高拍仪下，按 Space 或 Enter 拍摄。</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseAttentionPanel</name>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续办理(&amp;R)</translation>
    </message>
    <message>
        <source>Open the intake draft again where it was left (继续办理, Enter)</source>
        <translation>从上次离开的步骤重新打开这份收件草稿（继续办理，Enter）</translation>
    </message>
    <message>
        <source>Disc&amp;ard…</source>
        <translation>放弃(&amp;A)…</translation>
    </message>
    <message>
        <source>Abandon the draft and remove its scans (放弃, Delete)</source>
        <translation>放弃这份草稿并删除其扫描件（放弃，Delete）</translation>
    </message>
    <message>
        <source>Awaited</source>
        <translation>待补材料</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Intake drafts (%1): resume or discard</source>
        <translation>收件草稿（%1）：继续办理或放弃</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>未定期限</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>已逾期（应于%1前补交）</translation>
    </message>
    <message>
        <source>Supplements awaited (%1), %2 overdue</source>
        <translation>待补齐补正（%1），其中%2件已逾期</translation>
    </message>
    <message>
        <source>Supplements awaited (%1)</source>
        <translation>待补齐补正（%1）</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseDetailPanel</name>
    <message>
        <source>← Case list</source>
        <translation>← 办件列表</translation>
    </message>
    <message>
        <source>Back to the case list (Esc)</source>
        <translation>返回办件列表（Esc）</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Show personal data</source>
        <translation>显示个人信息</translation>
    </message>
    <message>
        <source>Opening the applicant&apos;s personal data is recorded in the audit log.</source>
        <translation>查看申请人个人信息的操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>核验情况</translation>
    </message>
    <message>
        <source>Problems and notes</source>
        <translation>问题和备注</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>未能显示：%1</translation>
    </message>
    <message>
        <source>Shown in full; your access is recorded in the audit log.</source>
        <translation>已完整显示；您的查看操作已记入审计日志。</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>办件编号：%1</translation>
    </message>
    <message>
        <source>immediate case</source>
        <translation>即办件</translation>
    </message>
    <message numerus="yes">
        <source>promised case, %n working day(s)</source>
        <translation>
            <numerusform>承诺件，%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>first handler %1 at %2</source>
        <translation>首办责任人 %1，窗口 %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Result by post to</source>
        <translation>结果邮寄至</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>collected at the pickup counter</source>
        <translation>到综合出件窗口领取</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺时限</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>known when the clock resumes</source>
        <translation>恢复计时后确定</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Materials (%1) · attachments: %2</source>
        <translation>材料（%1）· 附件：%2</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，%2 前</translation>
    </message>
    <message>
        <source>original seen</source>
        <translation>已核验原件</translation>
    </message>
    <message>
        <source>copy kept</source>
        <translation>已收复印件</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) met</source>
        <translation>
            <numerusform>%n 项要点符合</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume the &amp;intake</source>
        <translation>继续办理(&amp;I)</translation>
    </message>
    <message>
        <source>Open this intake draft again where it was left (继续办理)</source>
        <translation>从上次离开的步骤重新打开这份收件草稿（继续办理）</translation>
    </message>
    <message>
        <source>Record what the applicant hands in later and print the receipt (补齐补正)</source>
        <translation>登记申请人补交的材料并打印收件凭证（补齐补正）</translation>
    </message>
    <message>
        <source>Re&amp;print…</source>
        <translation>补打(&amp;P)…</translation>
    </message>
    <message>
        <source>Print a document of this case again, marked 补打 with the time</source>
        <translation>重新打印本办件的文书，标注“补打”及补打时间</translation>
    </message>
    <message>
        <source>Awaited (补齐补正)</source>
        <translation>待补齐补正</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1前补交</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>未定期限</translation>
    </message>
    <message>
        <source>%1, asked for by the department</source>
        <translation>%1（部门要求补正）</translation>
    </message>
    <message>
        <source>overdue, was due %1</source>
        <translation>已逾期，应于%1前补交</translation>
    </message>
    <message>
        <source>Checklist of materials</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理凭证</translation>
    </message>
    <message>
        <source>Acceptance with waiver notice</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>补正材料一次性告知书</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Supplement receipt</source>
        <translation>补齐补正材料收件凭证</translation>
    </message>
    <message>
        <source>S&amp;upplement…</source>
        <translation>补齐补正(&amp;U)…</translation>
    </message>
    <message>
        <source>queue ticket %1</source>
        <translation>排队号 %1</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤回申请(&amp;W)…</translation>
    </message>
    <message>
        <source>The applicant withdraws the application before the department decides (撤回申请, Alt+W)</source>
        <translation>部门作出决定前，申请人撤回本次申请（撤回申请，Alt+W）</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>First handler</source>
        <translation>首办责任人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建时间</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>补齐补正</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseListPage</name>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Every case of this workstation, newest first, with its deadline.</source>
        <translation>本工作站的全部办件，最新的在前，附办理期限。</translation>
    </message>
    <message>
        <source>Supervision: every case against its promised deadline. Reading only.</source>
        <translation>电子监察：对照承诺办结期限查看全部办件。仅供查看。</translation>
    </message>
    <message>
        <source>Case number, matter or applicant (masked), e.g. 运输 or 张*</source>
        <translation>统一申报编码、事项或申请人（脱敏），例如 运输 或 张*</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>不限期限</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超期</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日内到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>新建日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The cases cannot be listed: %1</source>
        <translation>无法列出办件：%1</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>没有匹配的办件。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No case store is open.</source>
        <translation>未打开办件库。</translation>
    </message>
    <message>
        <source>My cases and drafts</source>
        <translation>我的办件和草稿</translation>
    </message>
    <message>
        <source>The whole hall</source>
        <translation>全大厅</translation>
    </message>
    <message>
        <source>Hand the applicant the supplement receipt</source>
        <translation>请将补齐补正材料收件凭证交给申请人</translation>
    </message>
    <message>
        <source>← Case</source>
        <translation>← 返回办件</translation>
    </message>
    <message>
        <source>Back to the case (Esc)</source>
        <translation>返回办件（Esc）</translation>
    </message>
    <message>
        <source>Drafts are resumed in the intake, which this window does not have.</source>
        <translation>草稿须在收件界面继续办理，本窗口没有收件界面。</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation>（申请人 %1）</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Discard this intake draft?</source>
        <translation>放弃这份收件草稿？</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;%2, last changed %3.&lt;/p&gt;&lt;p&gt;Its answers, applicant and checks are lost and its %n scan(s) are removed. This cannot be undone.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;%2，最后修改于 %3。&lt;/p&gt;&lt;p&gt;其中的情形选择、申请人信息和核验结果将丢失，%n 份扫描件将被删除。此操作无法撤销。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft of %1 was discarded with its scans.</source>
        <translation>%1 的草稿及其扫描件已放弃。</translation>
    </message>
    <message>
        <source>Reprint (补打): %1</source>
        <translation>补打：%1</translation>
    </message>
    <message>
        <source>Case %1 was withdrawn at the applicant&apos;s request; its department will be told.</source>
        <translation>办件 %1 已按申请人要求撤回，系统将通知承办部门。</translation>
    </message>
</context>
<context>
    <name>ow::ui::CaseScreens</name>
    <message>
        <source>&amp;Pickup counter</source>
        <translation>出件窗口(&amp;P)</translation>
    </message>
    <message>
        <source>Case &amp;list</source>
        <translation>办件列表(&amp;L)</translation>
    </message>
    <message>
        <source>Ca&amp;ses</source>
        <translation>办件(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Transfer lists</source>
        <translation>移交清单(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Online pre-applications…</source>
        <translation>网上预审(&amp;O)…</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;desk</source>
        <translation>监察台(&amp;D)</translation>
    </message>
    <message>
        <source>Case %1 is not at this workstation: it was taken in at another counter; its warning shows here, its file on the counter that holds it.</source>
        <translation>办件 %1 不在本工作台：它在其他窗口受理；预警在此显示，办件详情请在受理该件的窗口查看。</translation>
    </message>
    <message>
        <source>Acceptance &amp;walks…</source>
        <translation>模拟受理(&amp;W)…</translation>
    </message>
    <message>
        <source>Departments&apos; lo&amp;g…</source>
        <translation>部门操作日志(&amp;G)…</translation>
    </message>
    <message>
        <source>Undelivered p&amp;ushes…</source>
        <translation>推送失败(&amp;U)…</translation>
    </message>
    <message>
        <source>The supervisor&apos;s desk is closed.</source>
        <translation>监察台已关闭。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ChangeSummary</name>
    <message>
        <source>Change the answer to &quot;%1&quot; from &quot;%2&quot; to &quot;%3&quot;?</source>
        <translation>将“%1”的答案由“%2”改为“%3”？</translation>
    </message>
    <message>
        <source>%1 (was: %2)</source>
        <translation>%1（原为：%2）</translation>
    </message>
    <message>
        <source>These answers no longer apply and will be cleared:</source>
        <translation>以下答案不再适用，将被清除：</translation>
    </message>
    <message>
        <source>Materials that become required:</source>
        <translation>新增需要的材料：</translation>
    </message>
    <message>
        <source>Materials no longer required:</source>
        <translation>不再需要的材料：</translation>
    </message>
    <message>
        <source>The checklist stays the same.</source>
        <translation>材料清单不变。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistDelegate</name>
    <message>
        <source>waivable</source>
        <translation>可容缺</translation>
    </message>
    <message>
        <source>Handed in once for: %1</source>
        <translation>一次提交，共用于：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not handed in (data sharing)</source>
        <translation>免提交（数据共享，窗口调取）</translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistModel</name>
    <message>
        <source>Basic materials, needed in every situation</source>
        <translation>基本材料（所有情形均需提交）</translation>
    </message>
    <message>
        <source>Materials for this situation</source>
        <translation>本情形所需材料</translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation>份数：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::ChecklistPanel</name>
    <message>
        <source>Checklist of materials</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <source>%1 materials: %2 basic, %3 for this situation.</source>
        <translation>共 %1 种材料：基本材料 %2 种，本情形材料 %3 种。</translation>
    </message>
    <message>
        <source>%1 fetched by the hall.</source>
        <translation>%1 种由窗口共享获取。</translation>
    </message>
    <message>
        <source>%1 waivable.</source>
        <translation>%1 种可容缺。</translation>
    </message>
    <message>
        <source>Situation determined: the checklist is complete.</source>
        <translation>已确定办事情形：材料清单已完整。</translation>
    </message>
    <message>
        <source>Questions remain: the checklist may still change.</source>
        <translation>尚有问题未回答：材料清单可能还会变化。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintDialog</name>
    <message>
        <source>Record a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>A complaint about the hall&apos;s service, taken at the counter or from the 12345 hotline. The server gives it its number; supervisors handle it.</source>
        <translation>对大厅服务的投诉，可在窗口受理或由 12345 热线转来。投诉编号由服务器生成，由督查人员办理。</translation>
    </message>
    <message>
        <source>11 digits; the reply goes to it</source>
        <translation>11 位手机号码，用于接收答复</translation>
    </message>
    <message>
        <source>What happened, in the complainant&apos;s words (Shift+Enter: a new line)</source>
        <translation>按投诉人所述填写经过（Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Case number or scanned receipt; empty when none</source>
        <translation>办件编号或扫描受理凭证；无则留空</translation>
    </message>
    <message>
        <source>(none named)</source>
        <translation>（未指明）</translation>
    </message>
    <message>
        <source>%1 (staff number %2)</source>
        <translation>%1（工号 %2）</translation>
    </message>
    <message>
        <source>Name, keyword or pinyin initials; empty when none</source>
        <translation>名称、关键词或拼音首字母；无则留空</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>投诉渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Complai&amp;nant:</source>
        <translation>投诉人(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机号码(&amp;M)：</translation>
    </message>
    <message>
        <source>C&amp;ontent:</source>
        <translation>投诉内容(&amp;O)：</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>办件编号(&amp;A)：</translation>
    </message>
    <message>
        <source>C&amp;lerk complained about:</source>
        <translation>被投诉人员(&amp;L)：</translation>
    </message>
    <message>
        <source>Ma&amp;tter:</source>
        <translation>事项(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Case: the scanned receipt names no case held at this workstation; type its case number.</source>
        <translation>办件编号：扫描的受理凭证对应的办件不在本工作站，请输入办件编号。</translation>
    </message>
    <message>
        <source>Matter: choose the matter from the list (type part of its name, then ↓ and Enter).</source>
        <translation>事项：请从列表中选择事项（输入部分名称，再按 ↓ 和回车）。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintListDialog</name>
    <message>
        <source>Complaints I recorded</source>
        <translation>我登记的投诉</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>被拒收：%1</translation>
    </message>
    <message>
        <source>You have recorded no complaint at this workstation.</source>
        <translation>您尚未在本工作站登记投诉。</translation>
    </message>
    <message>
        <source>%1 recorded; %2 waiting to be sent; %3 refused by the server.</source>
        <translation>已登记 %1 件；待发送 %2 件；被服务器拒收 %3 件。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintScreens</name>
    <message>
        <source>Record a co&amp;mplaint…</source>
        <translation>登记投诉(&amp;M)…</translation>
    </message>
    <message>
        <source>Complaints I reco&amp;rded…</source>
        <translation>我登记的投诉(&amp;R)…</translation>
    </message>
    <message>
        <source>Handle compla&amp;ints…</source>
        <translation>投诉处理(&amp;I)…</translation>
    </message>
    <message>
        <source>Complaint recorded; it goes to the server with the next sync (Cases → Complaints I recorded shows its number).</source>
        <translation>投诉已登记，将随下次同步发送至服务器（在“办件 → 我登记的投诉”中查看投诉编号）。</translation>
    </message>
    <message>
        <source>Open the supervisor&apos;s desk to sign in.</source>
        <translation>请打开监察台登录。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ComplaintsWindow</name>
    <message>
        <source>Complaints</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Sign-&amp;in password:</source>
        <translation>登录密码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Fetch the list again (F5)</source>
        <translation>重新获取列表（F5）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>The reply given to the complainant; Ctrl+Enter sends it</source>
        <translation>给投诉人的答复；Ctrl+Enter 发送</translation>
    </message>
    <message>
        <source>Re&amp;ply:</source>
        <translation>答复内容(&amp;P)：</translation>
    </message>
    <message>
        <source>Record &amp;new…</source>
        <translation>登记投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>分派(&amp;A)…</translation>
    </message>
    <message>
        <source>Send the r&amp;eply</source>
        <translation>发送答复(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Close the complaint…</source>
        <translation>办结(&amp;C)…</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>Type your password and press Enter: the server signs you in with it.</source>
        <translation>请输入您的密码并按回车，由服务器验证登录。</translation>
    </message>
    <message>
        <source>The server did not sign you in: %1</source>
        <translation>服务器未能为您登录：%1</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>未建立会话</translation>
    </message>
    <message>
        <source>Not done: %1 The list shows its state now.</source>
        <translation>未办理：%1 列表已显示其当前状态。</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again (your password, Enter).</source>
        <translation>登录已过期，请重新登录（输入密码后按回车）。</translation>
    </message>
    <message>
        <source>As of %1, from the server.</source>
        <translation>服务器数据，截至 %1。</translation>
    </message>
    <message>
        <source>Open %1 · overdue %2 · closed this month %3 (on time %4)</source>
        <translation>未办结 %1 · 已超期 %2 · 本月办结 %3（按期 %4）</translation>
    </message>
    <message>
        <source>Past its deadline and still open</source>
        <translation>已过办理期限，尚未办结</translation>
    </message>
    <message>
        <source>&lt;p&gt;No complaint in this list.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此列表中没有投诉。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>投诉 %1</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>被投诉人员</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>涉及事项</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已超期）</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办结结果</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>%1 (staff number %2)</source>
        <translation>%1（工号 %2）</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Who handles complaint %1?</source>
        <translation>投诉 %1 由谁承办？</translation>
    </message>
    <message>
        <source>Complaint %1 assigned to %2.</source>
        <translation>投诉 %1 已分派给 %2。</translation>
    </message>
    <message>
        <source>Reply: write the reply given to the complainant first.</source>
        <translation>答复内容：请先填写给投诉人的答复。</translation>
    </message>
    <message>
        <source>The reply to complaint %1 is recorded.</source>
        <translation>投诉 %1 的答复已记录。</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>办结投诉</translation>
    </message>
    <message>
        <source>How did the complainant take the reply to complaint %1?</source>
        <translation>投诉人对投诉 %1 的答复是否满意？</translation>
    </message>
    <message>
        <source>Complaint %1 is closed.</source>
        <translation>投诉 %1 已办结。</translation>
    </message>
    <message>
        <source>Complaint %1 recorded.</source>
        <translation>投诉 %1 已登记。</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%2 %1</translation>
    </message>
</context>
<context>
    <name>ow::ui::ConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ow::ui::ConsultationDialog</name>
    <message>
        <source>Record a consultation</source>
        <translation>记录咨询</translation>
    </message>
    <message>
        <source>No situation question answered yet.</source>
        <translation>尚未回答情形问题。</translation>
    </message>
    <message>
        <source>Answers so far: %1</source>
        <translation>已答情形：%1</translation>
    </message>
    <message>
        <source>What the applicant asked, in their words</source>
        <translation>申请人所问的问题，按原话记录</translation>
    </message>
    <message>
        <source>The answer you gave</source>
        <translation>您给出的答复</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Answer given:</source>
        <translation>答复(&amp;A)：</translation>
    </message>
    <message>
        <source>Tab: to the answer · Ctrl+Enter: save · Esc: leave without recording. Frequent questions are proposed to catalogue staff for the matter&apos;s FAQ.</source>
        <translation>Tab：转到答复 · Ctrl+Enter：保存 · Esc：不记录并返回。被问较多的问题会推荐给目录编辑人员，作为事项的常见问题。</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）(&amp;S)</translation>
    </message>
    <message>
        <source>Type the applicant&apos;s question.</source>
        <translation>请填写申请人所问的问题。</translation>
    </message>
    <message>
        <source>Type the answer you gave.</source>
        <translation>请填写您给出的答复。</translation>
    </message>
    <message>
        <source>The answer is %1 characters long; keep it to %2.</source>
        <translation>答复有 %1 个字，请控制在 %2 个字以内。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeadLettersWindow</name>
    <message>
        <source>Undelivered pushes</source>
        <translation>推送失败</translation>
    </message>
    <message>
        <source>Pushes to department systems that were given up</source>
        <translation>未能送达部门业务系统的推送</translation>
    </message>
    <message>
        <source>Sign-&amp;in password:</source>
        <translation>登录密码(&amp;I)：</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>推送内容</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最后一次错误</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>停止推送时间</translation>
    </message>
    <message>
        <source>Re&amp;send</source>
        <translation>重新推送(&amp;S)</translation>
    </message>
    <message>
        <source>Put the selected push back in line for its department (重新推送, Enter)</source>
        <translation>将所选推送重新排入该部门的推送队列（重新推送，Enter）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Every push was delivered or is still being tried: nothing was given up.</source>
        <translation>所有推送均已送达或仍在重试，没有推送失败。</translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) given up. Select one and press Enter to send it again.</source>
        <translation>
            <numerusform>%n 条推送失败。选中一条后按 Enter 可重新推送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the push to send again.</source>
        <translation>请选择要重新推送的记录。</translation>
    </message>
    <message>
        <source>Resend the push</source>
        <translation>重新推送</translation>
    </message>
    <message>
        <source>Send this push again?</source>
        <translation>重新推送这条记录？</translation>
    </message>
    <message>
        <source>&lt;p&gt;Case &lt;b&gt;%1&lt;/b&gt;, %2, to &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;It goes back in line for the department and is tried again from now, for as long as a new push.&lt;/p&gt;</source>
        <translation>&lt;p&gt;办件 &lt;b&gt;%1&lt;/b&gt;，%2，推送至&lt;b&gt;%3&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;该推送将重新排入该部门的推送队列，从现在起按新推送重新计算重试次数和时限。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重新推送</translation>
    </message>
    <message>
        <source>The push of case %1 to %2 is back in line.</source>
        <translation>办件 %1 推送至%2的记录已重新排队。</translation>
    </message>
    <message>
        <source>type your password and press Enter.</source>
        <translation>请输入密码后按 Enter。</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>未登录：%1</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>没有有效会话</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ow::ui::DecisionPage</name>
    <message>
        <source>Decide on the application</source>
        <translation>作出受理决定</translation>
    </message>
    <message>
        <source>Material check</source>
        <translation>材料核验</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>&amp;Accept and issue the receipt</source>
        <translation>受理并出具受理凭证(&amp;A)</translation>
    </message>
    <message>
        <source>Accept with waiver</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Accept with &amp;waiver and issue the notice</source>
        <translation>容缺受理并出具通知书(&amp;W)</translation>
    </message>
    <message>
        <source>Further items to tell, one per line (missing materials and failed points are listed already):</source>
        <translation>其他需告知的事项，每行一条（缺少的材料和不符合的审查要点已自动列出）：</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Issue the &amp;correction notice</source>
        <translation>出具一次性告知书(&amp;C)</translation>
    </message>
    <message>
        <source>One reason per line; a refusal must state its reasons.</source>
        <translation>每行一条理由；不予受理必须说明理由。</translation>
    </message>
    <message>
        <source>The reasons above</source>
        <translation>上述理由</translation>
    </message>
    <message>
        <source>The matter needs no licence (art. 32(1)(1))</source>
        <translation>申请事项依法不需要取得行政许可（第三十二条第一款第（一）项）</translation>
    </message>
    <message>
        <source>Not within this organ&apos;s powers (art. 32(1)(2))</source>
        <translation>申请事项依法不属于本机关职权范围（第三十二条第一款第（二）项）</translation>
    </message>
    <message>
        <source>The competent organ, when not within this organ&apos;s powers</source>
        <translation>不属于本机关职权范围时，填写有权受理的机关</translation>
    </message>
    <message>
        <source>Reas&amp;ons:</source>
        <translation>理由(&amp;O)：</translation>
    </message>
    <message>
        <source>Apply &amp;instead at:</source>
        <translation>应向以下机关申请(&amp;I)：</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>&amp;Refuse and issue the notice</source>
        <translation>不予受理并出具通知书(&amp;R)</translation>
    </message>
    <message>
        <source>not saved yet (numbered when saved or decided)</source>
        <translation>尚未保存（保存或作出决定时编号）</translation>
    </message>
    <message>
        <source>%1 · %2 · case %3</source>
        <translation>%1 · %2 · 办件 %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not checked yet:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;尚未核验：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Missing:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;缺少：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waived&lt;/b&gt;, due by %1: %2</source>
        <translation>&lt;b&gt;容缺&lt;/b&gt;，%1 前补交：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waived&lt;/b&gt;, no due date yet: %1</source>
        <translation>&lt;b&gt;容缺&lt;/b&gt;，尚未定补交期限：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fails a review point:&lt;/b&gt; %1 — %2</source>
        <translation>&lt;b&gt;不符合审查要点：&lt;/b&gt;%1 — %2</translation>
    </message>
    <message>
        <source>%1 received or shared · %2 missing · %3 waived · %4 failed points · %5 not checked</source>
        <translation>已收取或共享 %1 · 缺少 %2 · 容缺 %3 · 不符合要点 %4 · 未核验 %5</translation>
    </message>
    <message>
        <source>Every material on the checklist was handed in and meets its review points.</source>
        <translation>材料清单上的所有材料均已提交，并符合审查要点。</translation>
    </message>
    <message>
        <source>Ready: an immediate matter, decided on the spot.</source>
        <translation>就绪：即办事项，当场办结。</translation>
    </message>
    <message numerus="yes">
        <source>Ready: the receipt promises the decision by %1 (%n working day(s)).</source>
        <translation>
            <numerusform>就绪：受理凭证承诺于 %1 前办结（%n 个工作日）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: the notice names the waived materials and the dates they are due by.</source>
        <translation>就绪：通知书将列明容缺材料及其补交期限。</translation>
    </message>
    <message>
        <source>Ready: the notice tells everything missing or wrong at once.</source>
        <translation>就绪：告知书一次性告知所有缺少或有误的内容。</translation>
    </message>
    <message>
        <source>Ready: the notice states the reasons and the applicant&apos;s rights of appeal.</source>
        <translation>就绪：通知书将说明理由及申请人依法享有的复议和诉讼权利。</translation>
    </message>
    <message>
        <source>Write the reasons first: a refusal must state them in writing.</source>
        <translation>请先填写理由：不予受理必须书面说明理由。</translation>
    </message>
    <message>
        <source>Gro&amp;und:</source>
        <translation>依据(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>ow::ui::DepartmentLogDialog</name>
    <message>
        <source>Departments&apos; log</source>
        <translation>部门操作日志</translation>
    </message>
    <message>
        <source>your password, to sign in to the server</source>
        <translation>输入本人密码以登录服务器</translation>
    </message>
    <message>
        <source>all, or a department id</source>
        <translation>全部，或填写部门代码</translation>
    </message>
    <message>
        <source>all, or a case number</source>
        <translation>全部，或填写办件编号</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>Case &amp;number</source>
        <translation>办件编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>Sign in with your password to read what departments did through the server.</source>
        <translation>请输入本人密码登录，查阅各部门通过服务器办理的操作。</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Department clerk</source>
        <translation>部门经办人</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a hall&apos;s server.</source>
        <translation>本工作站尚未注册到大厅服务器。</translation>
    </message>
    <message>
        <source>Type your password first: the server signs you in with it.</source>
        <translation>请先输入密码：服务器凭密码为您登录。</translation>
    </message>
    <message>
        <source>The server did not answer the log: %1</source>
        <translation>服务器未返回操作日志：%1</translation>
    </message>
    <message>
        <source>%1 of %2 actions shown; narrow the filter or export them all. The server recorded this look.</source>
        <translation>共 %2 条操作，显示前 %1 条；请缩小筛选范围或全部导出。本次查阅已由服务器记录。</translation>
    </message>
    <message>
        <source>%1 actions. The server recorded this look.</source>
        <translation>共 %1 条操作。本次查阅已由服务器记录。</translation>
    </message>
    <message>
        <source>Export the departments&apos; log</source>
        <translation>导出部门操作日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>文件无法写入：%1</translation>
    </message>
    <message>
        <source>%1 actions exported to %2. The server recorded the export.</source>
        <translation>已将 %1 条操作导出到 %2。本次导出已由服务器记录。</translation>
    </message>
    <message>
        <source>Accepted for the counter</source>
        <translation>通过，转窗口受理</translation>
    </message>
    <message>
        <source>Returned with reasons</source>
        <translation>说明理由退回</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>签认</translation>
    </message>
    <message>
        <source>Objected</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>Status report</source>
        <translation>状态报告</translation>
    </message>
    <message>
        <source>Transfer confirmation</source>
        <translation>移交确认</translation>
    </message>
    <message>
        <source>Pre-application review</source>
        <translation>网上预审</translation>
    </message>
    <message>
        <source>Catalogue sign-off</source>
        <translation>目录签认</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>查阅人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>操作记录(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Looks at the log</source>
        <translation>查阅记录(&amp;L)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Case or item</source>
        <translation>办件或对象</translation>
    </message>
    <message numerus="yes">
        <source>Chain verified: all %n row(s) of the server&apos;s log are as they were written.</source>
        <translation>
            <numerusform>链校验通过：服务器日志全部 %n 条记录均与写入时一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain BROKEN from row %1: %2 Rows from it on cannot be trusted.</source>
        <translation>第 %1 行起链已断开：%2 自该行起的记录不可采信。</translation>
    </message>
    <message>
        <source>Catalogue submission %1</source>
        <translation>目录提交 %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>department %1</source>
        <translation>部门 %1</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Read the looks</source>
        <translation>查阅记录</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>%1 looks at the log, newest first; the server recorded this reading too.</source>
        <translation>共 %1 次查阅，最新的在前；本次查阅服务器也已记录。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a filter</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Result document</source>
        <translation>结果文书</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeskTableTab</name>
    <message>
        <source>Export “%1”</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeskTodayTab</name>
    <message>
        <source>Tickets</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Cases taken in</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accepted with waiver</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Correction notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Department decisions</source>
        <translation>部门办结</translation>
    </message>
    <message>
        <source>Average handling time</source>
        <translation>平均办理时长</translation>
    </message>
    <message>
        <source>Handed over or mailed</source>
        <translation>已领取或寄出</translation>
    </message>
    <message>
        <source>Average wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>Cases taken in by hour</source>
        <translation>各时段收件量</translation>
    </message>
    <message>
        <source>Average wait by hour of the ticket (minutes)</source>
        <translation>各取号时段平均等候（分钟）</translation>
    </message>
    <message>
        <source>Ratings given (5 = very satisfied)</source>
        <translation>评价分布（5 = 非常满意）</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>件</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>今日概况 %1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Average handling time (hours)</source>
        <translation>平均办理时长（小时）</translation>
    </message>
    <message>
        <source>Cases taken in %1:00–%1:59</source>
        <translation>%1:00–%1:59 收件</translation>
    </message>
    <message>
        <source>Ratings of %1</source>
        <translation>%1 分评价</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未办结投诉</translation>
    </message>
    <message>
        <source>Complaints overdue</source>
        <translation>超期投诉</translation>
    </message>
    <message>
        <source>Complaints closed on time this month</source>
        <translation>本月按期办结投诉</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeskWarningsTab</name>
    <message>
        <source>Colour</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警事由</translation>
    </message>
    <message>
        <source>Answers for it</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>打开办件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print the supervision notice…</source>
        <translation>打印督办单(&amp;P)…</translation>
    </message>
    <message>
        <source>No warnings on %1.</source>
        <translation>%1 无预警。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 red, %3 yellow warning(s) in %n department(s).</source>
        <translation>
            <numerusform>%1：%n 个部门共有红色预警 %2 条、黄色预警 %3 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 red, %3 yellow</source>
        <translation>%1 — 红色 %2 条，黄色 %3 条</translation>
    </message>
    <message>
        <source>Warnings %1</source>
        <translation>预警 %1</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Choose a department or one of its warnings first.</source>
        <translation>请先选择一个部门或其下的一条预警。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>The supervision notice was sent to the printer.</source>
        <translation>督办单已发送到打印机。</translation>
    </message>
    <message>
        <source>Save the supervision notice as PDF</source>
        <translation>将督办单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>Save the &amp;notice as PDF…</source>
        <translation>督办单存为 PDF(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>ow::ui::DevicePanel</name>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>The devices of this counter: their state, a test for each, their settings, and where each document is printed.</source>
        <translation>本窗口的设备：状态、逐项测试、设置，以及各文书的打印位置。</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Apply and restart devices</source>
        <translation>应用并重启设备(&amp;A)</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Which printer each document goes to</source>
        <translation>各文书使用的打印机</translation>
    </message>
    <message>
        <source>Devices at this counter</source>
        <translation>本窗口设备</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Saved. The devices were restarted with these settings.</source>
        <translation>已保存。设备已按这些设置重新启动。</translation>
    </message>
    <message>
        <source>%1  %2 %3: %4</source>
        <translation>%1  %2 %3：%4</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeviceSettingsEditor</name>
    <message>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>凭条</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>评价器</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>USB (vendor bulk)</source>
        <translation>USB（厂商批量传输）</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>USB vendor and product ids (VID:PID) of the readers, separated by spaces.</source>
        <translation>读卡器的 USB 厂商 ID 和产品 ID（VID:PID），以空格分隔。</translation>
    </message>
    <message>
        <source>Also read the fingerprint data</source>
        <translation>同时读取指纹数据</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>连接方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>波特率(&amp;S)：</translation>
    </message>
    <message>
        <source>USB &amp;ids:</source>
        <translation>USB ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Wait after opening:</source>
        <translation>打开后等待：</translation>
    </message>
    <message>
        <source>Device file</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <source>CUPS raw queue</source>
        <translation>CUPS 原始打印队列</translation>
    </message>
    <message>
        <source>Windows printer</source>
        <translation>Windows 打印机</translation>
    </message>
    <message>
        <source>80 mm (576 dots)</source>
        <translation>80 毫米（576 点）</translation>
    </message>
    <message>
        <source>58 mm (384 dots)</source>
        <translation>58 毫米（384 点）</translation>
    </message>
    <message>
        <source>Partial cut</source>
        <translation>半切</translation>
    </message>
    <message>
        <source>Full cut</source>
        <translation>全切</translation>
    </message>
    <message>
        <source>No cut</source>
        <translation>不切纸</translation>
    </message>
    <message>
        <source>&amp;Device file:</source>
        <translation>设备文件(&amp;D)：</translation>
    </message>
    <message>
        <source>CUPS &amp;queue:</source>
        <translation>CUPS 打印队列(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>打印机(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;ut:</source>
        <translation>切纸(&amp;U)：</translation>
    </message>
    <message>
        <source>Key pad on a serial port</source>
        <translation>串口按键评价器</translation>
    </message>
    <message>
        <source>Window facing the applicant</source>
        <translation>申请人侧显示屏</translation>
    </message>
    <message>
        <source>Preset A: keys 3 … 0 (four keys)</source>
        <translation>预设 A：按键 3 … 0（四键）</translation>
    </message>
    <message>
        <source>Preset B: keys 1 … 4, 0 = no rating</source>
        <translation>预设 B：按键 1 … 4，0 = 不评价</translation>
    </message>
    <message>
        <source>Custom mapping</source>
        <translation>自定义映射</translation>
    </message>
    <message>
        <source>Hexadecimal byte = level (5 very satisfied … 1 very dissatisfied, 0 for the pad&apos;s no-rating key).</source>
        <translation>十六进制字节 = 等级（5 非常满意 … 1 非常不满意，评价器上表示不评价的按键为 0）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Evaluator:</source>
        <translation>评价器(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Frame:</source>
        <translation>帧格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>按键(&amp;K)：</translation>
    </message>
    <message>
        <source>Custom &amp;mapping:</source>
        <translation>自定义映射(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Time to answer:</source>
        <translation>评价等待时间(&amp;T)：</translation>
    </message>
    <message>
        <source>USB keyboard (wedge)</source>
        <translation>USB 键盘模式</translation>
    </message>
    <message>
        <source>Serial port (USB-CDC)</source>
        <translation>串口（USB-CDC）</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <source>Raise it for a slow scanner; lower it if fast typists are taken for scans.</source>
        <translation>扫码枪较慢时调大；如快速键入被误认为扫码，则调小。</translation>
    </message>
    <message>
        <source>&amp;Scanner:</source>
        <translation>扫码枪(&amp;S)：</translation>
    </message>
    <message>
        <source>Shortest &amp;code:</source>
        <translation>最短码长(&amp;C)：</translation>
    </message>
    <message>
        <source>Longest &amp;gap between keys:</source>
        <translation>按键最大间隔(&amp;G)：</translation>
    </message>
    <message>
        <source>USB camera</source>
        <translation>USB 摄像头</translation>
    </message>
    <message>
        <source>Simulator: images from a folder</source>
        <translation>模拟器：使用文件夹中的图像</translation>
    </message>
    <message>
        <source>The system&apos;s default camera</source>
        <translation>系统默认摄像头</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>a folder of page images</source>
        <translation>页面图像文件夹</translation>
    </message>
    <message>
        <source>Crop to the page</source>
        <translation>裁切到页面</translation>
    </message>
    <message>
        <source>Turn the page level</source>
        <translation>自动纠偏</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>摄像头(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>e.g. /dev/ttyUSB0 or COM3</source>
        <translation>例如 /dev/ttyUSB0 或 COM3</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1（未连接）</translation>
    </message>
    <message>
        <source>%1: the speed must be a positive whole number such as 9600.</source>
        <translation>%1：波特率必须是正整数，例如 9600。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: choose the serial port.</source>
        <translation>%1：请选择串口。</translation>
    </message>
    <message>
        <source>%1: give at least one USB id.</source>
        <translation>%1：请至少填写一个 USB ID。</translation>
    </message>
    <message>
        <source>%1: give the device file.</source>
        <translation>%1：请填写设备文件。</translation>
    </message>
    <message>
        <source>%1: give the CUPS queue.</source>
        <translation>%1：请填写 CUPS 打印队列。</translation>
    </message>
    <message>
        <source>%1: choose the printer.</source>
        <translation>%1：请选择打印机。</translation>
    </message>
    <message>
        <source>%1: give the folder of images.</source>
        <translation>%1：请填写图像文件夹。</translation>
    </message>
    <message>
        <source>Paper &amp;width:</source>
        <translation>纸张宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>波特率(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>ow::ui::DeviceStatusTable</name>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Test the %1</source>
        <translation>测试%1</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
</context>
<context>
    <name>ow::ui::DocumentPreview</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the document on A4 (Ctrl+P)</source>
        <translation>用 A4 纸打印文书（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file (Ctrl+Shift+S)</source>
        <translation>将文书另存为 PDF 文件（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>&amp;Receipt printer</source>
        <translation>凭条打印机(&amp;R)</translation>
    </message>
    <message>
        <source>Show the 80 mm receipt and send it to the receipt printer (Ctrl+T); press again for the A4 pages</source>
        <translation>显示 80 毫米凭条并发送到凭条打印机（Ctrl+T）；再按一次返回 A4 页面</translation>
    </message>
    <message>
        <source>%1 · case number %2 · Ctrl+N starts the next case</source>
        <translation>%1 · 统一申报编码 %2 · 按 Ctrl+N 开始下一件</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>A&amp;4 pages</source>
        <translation>A4 页面(&amp;4)</translation>
    </message>
    <message>
        <source>The 80 mm receipt (%1 × %2 dots) is ready for the receipt printer.</source>
        <translation>80 毫米凭条（%1 × %2 点）已可发送到凭条打印机。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Save the document as PDF</source>
        <translation>将文书另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>No printer for this document: saved as %1.</source>
        <translation>此文书未配置打印机：已另存为 %1。</translation>
    </message>
</context>
<context>
    <name>ow::ui::EvaluatorPadWindow</name>
    <message>
        <source>Service rating</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <source>Welcome. We are glad to serve you.</source>
        <translation>欢迎光临，竭诚为您服务。</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>请您对本次服务作出评价</translation>
    </message>
    <message>
        <source>Served by %1 (staff no. %2)</source>
        <translation>为您服务的工作人员：%1（工号 %2）</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>办件编号：%1</translation>
    </message>
    <message>
        <source>Thank you. We are sorry we did not serve you well; we will contact you within one working day.</source>
        <translation>感谢您的评价。对服务不周深表歉意，我们将在一个工作日内与您联系。</translation>
    </message>
    <message>
        <source>Thank you for your rating.</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>ow::ui::FaqPanel</name>
    <message>
        <source>Frequently asked questions</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Search the questions and answers</source>
        <translation>搜索问题和答复</translation>
    </message>
    <message>
        <source>Search the frequently asked questions</source>
        <translation>搜索常见问题</translation>
    </message>
    <message>
        <source>No frequently asked question applies to the answers so far.</source>
        <translation>按目前的回答，没有适用的常见问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries apply to the answers so far; tell the applicant the answer as written.</source>
        <translation>
            <numerusform>按目前的回答，适用的常见问题共 %n 条；请按所列内容答复申请人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Q: %1</source>
        <translation>问：%1</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>答：%1</translation>
    </message>
    <message>
        <source>No entry holds &quot;%1&quot;.</source>
        <translation>没有包含“%1”的条目。</translation>
    </message>
</context>
<context>
    <name>ow::ui::IntakeFlow</name>
    <message>
        <source>No ID card reader is connected to this workstation; type the applicant&apos;s details.</source>
        <translation>本工作站未连接身份证读卡器；请手工录入申请人信息。</translation>
    </message>
    <message>
        <source>No document camera is connected to this workstation; import the scanned file instead.</source>
        <translation>本工作站未连接高拍仪；请改为导入扫描文件。</translation>
    </message>
    <message>
        <source>An agent applies: the authorisation letter and the agent&apos;s ID card were added to the checklist.</source>
        <translation>由代理人申请：授权委托书和代理人身份证已加入材料清单。</translation>
    </message>
    <message>
        <source>The applicant applies in person: the agent&apos;s materials were removed from the checklist.</source>
        <translation>申请人本人申请：代理人的材料已从材料清单中移除。</translation>
    </message>
    <message>
        <source>Answer every question first: the checklist is not settled yet.</source>
        <translation>请先回答所有问题：材料清单尚未确定。</translation>
    </message>
    <message>
        <source>Check the materials first, then decide (F5).</source>
        <translation>请先核验材料，再作出决定（F5）。</translation>
    </message>
    <message>
        <source>Recorded as %1: hand the applicant the %2</source>
        <translation>已记录为“%1”：请将%2交给申请人</translation>
    </message>
    <message>
        <source>Case %1 recorded as %2.</source>
        <translation>办件 %1 已记录为“%2”。</translation>
    </message>
    <message>
        <source>Saved as case %1.</source>
        <translation>已保存为办件 %1。</translation>
    </message>
    <message>
        <source>The applicant&apos;s checklist</source>
        <translation>申请人的材料清单</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>已附加 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft could not be kept: %1</source>
        <translation>草稿无法保存：%1</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新办件</translation>
    </message>
    <message>
        <source>Put this intake aside?</source>
        <translation>暂存当前收件？</translation>
    </message>
    <message>
        <source>&lt;p&gt;The intake of &lt;b&gt;%1&lt;/b&gt; is not decided. It is kept as a draft: resume it from the case list (&lt;i&gt;Resume&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; 的收件尚未作出决定，将保存为草稿：可在办件列表中继续办理（&lt;i&gt;继续办理&lt;/i&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Put aside and start a new case</source>
        <translation>暂存并开始新办件</translation>
    </message>
    <message>
        <source>The intake of %1 is open again as it was left.</source>
        <translation>%1 的收件已按离开时的状态重新打开。</translation>
    </message>
    <message>
        <source>Resume an intake</source>
        <translation>继续办理收件</translation>
    </message>
    <message>
        <source>Resume the intake you left?</source>
        <translation>继续办理上次未完成的收件？</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2), last changed %3, was not finished.&lt;/p&gt;&lt;p&gt;%n draft(s) in all; the others are in the case list.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;（%2）最后修改于 %3，尚未办结。&lt;/p&gt;&lt;p&gt;共有 %n 份草稿，其余可在办件列表中查看。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续办理</translation>
    </message>
    <message>
        <source>Ticket %1 called: %2.</source>
        <translation>已叫 %1 号：%2。</translation>
    </message>
    <message>
        <source>Ticket %1 called: find the applicant&apos;s matter.</source>
        <translation>已叫 %1 号：请与申请人确认所办事项。</translation>
    </message>
    <message>
        <source>The answers ended in a screening outcome: no case can be accepted. Tell the applicant, and print the one-time notice if they wish.</source>
        <translation>所答情形已得出筛查结论，不能受理。请告知申请人，申请人需要时可打印一次性告知书。</translation>
    </message>
    <message>
        <source>One-time notice of the screening outcome</source>
        <translation>筛查结论一次性告知书</translation>
    </message>
    <message>
        <source>%1 opened in place of %2, with the answers both matters ask.</source>
        <translation>已改为办理“%1”（原为“%2”），两个事项相同问题的答案已带入。</translation>
    </message>
    <message>
        <source>The pre-application %1 could not be opened: %2</source>
        <translation>无法打开网上预申报 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Pre-application %1 opened: %2, with the applicant&apos;s answers, registration and %n scan(s). Check the originals, then decide.</source>
        <translation>
            <numerusform>已打开网上预申报 %1：%2，带入申请人的情形选择、登记信息和 %n 份扫描件。请核验原件后再作决定。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) this catalogue no longer reads: ask the applicant.</source>
        <translation>
            <numerusform>有 %n 项选择本目录已不再识别，请向申请人询问。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scans for materials not on this checklist: %1.</source>
        <translation>以下扫描件对应的材料不在本清单中：%1。</translation>
    </message>
    <message>
        <source>This workstation keeps no cases, so it records no consultations.</source>
        <translation>本工作台不保存办件，因此不记录咨询。</translation>
    </message>
    <message>
        <source>The intake was closed: nothing was recorded.</source>
        <translation>本次受理已关闭，未作记录。</translation>
    </message>
    <message>
        <source>Consultation recorded for %1.</source>
        <translation>已记录“%1”的咨询。</translation>
    </message>
</context>
<context>
    <name>ow::ui::IntakeStepBar</name>
    <message>
        <source>Questions</source>
        <translation>情形问题</translation>
    </message>
    <message>
        <source>Applicant · F2</source>
        <translation>申请人 · F2</translation>
    </message>
    <message>
        <source>Materials · F4</source>
        <translation>材料 · F4</translation>
    </message>
    <message>
        <source>Decision · F5</source>
        <translation>决定 · F5</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>ow::ui::InterviewPage</name>
    <message>
        <source>← Back to search (Esc)</source>
        <translation>← 返回搜索（Esc）</translation>
    </message>
    <message>
        <source>Start over (Ctrl+R)</source>
        <translation>重新开始（Ctrl+R）</translation>
    </message>
    <message>
        <source>Situation questions</source>
        <translation>情形问题</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>One-thing bundle of %1 matters · lead department: %2</source>
        <translation>一件事，含 %1 个事项 · 牵头部门：%2</translation>
    </message>
    <message>
        <source>promised case, %1 working days</source>
        <translation>承诺件，%1 个工作日</translation>
    </message>
    <message>
        <source>immediate case</source>
        <translation>即办件</translation>
    </message>
    <message>
        <source>%1 of %2 questions answered.</source>
        <translation>共 %2 个问题，已回答 %1 个。</translation>
    </message>
    <message>
        <source>Situation: %1</source>
        <translation>办事情形：%1</translation>
    </message>
    <message>
        <source>All %1 questions answered.</source>
        <translation>%1 个问题已全部回答。</translation>
    </message>
    <message>
        <source>Every matter of the bundle has reached its situation.</source>
        <translation>一件事中的每个事项都已确定办事情形。</translation>
    </message>
    <message>
        <source>Answer the highlighted question to continue. Digits 1–9 choose an option.</source>
        <translation>回答突出显示的问题以继续。按数字键 1–9 选择选项。</translation>
    </message>
    <message>
        <source>Change an answer</source>
        <translation>修改答案</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Clear every answer and start this interview again?</source>
        <translation>清除所有答案，重新开始本次问答？</translation>
    </message>
    <message>
        <source>%1 questions answered: the answers ended the interview.</source>
        <translation>已答 %1 个问题：所答情形已得出筛查结论，问答结束。</translation>
    </message>
    <message>
        <source>Back to the checklist (F12)</source>
        <translation>返回材料清单（F12）</translation>
    </message>
    <message>
        <source>FAQ: %1 (F12)</source>
        <translation>常见问题：%1 条（F12）</translation>
    </message>
</context>
<context>
    <name>ow::ui::LockOverlay</name>
    <message>
        <source>The workstation is locked.</source>
        <translation>工作站已锁定。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ow::ui::LoginDialog</name>
    <message>
        <source>OneWindow — first start</source>
        <translation>一窗受理 — 首次启动</translation>
    </message>
    <message>
        <source>OneWindow — log in</source>
        <translation>一窗受理 — 登录</translation>
    </message>
    <message>
        <source>This workstation has no accounts yet. Create the administrator account; the administrator then creates the clerks&apos; accounts.</source>
        <translation>本工作站尚无账户。请先创建系统管理员账户，再由管理员为窗口人员创建账户。</translation>
    </message>
    <message>
        <source>Log in with your clerk account.</source>
        <translation>请使用您的窗口人员账户登录。</translation>
    </message>
    <message>
        <source>&amp;Login name:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>姓名(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不一致；请输入相同的密码。</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Your password was set by the hall administrator. Choose your own password (at least %1 characters, not only digits) before you start.</source>
        <translation>您的密码由大厅管理员设置。开始工作前，请设置您自己的密码（至少 %1 个字符，不能全是数字）。</translation>
    </message>
    <message>
        <source>OneWindow — switch user</source>
        <translation>一窗受理 — 切换用户</translation>
    </message>
    <message>
        <source>Sign in as another clerk. The open intake of %1 is saved as %1&apos;s draft and closed; it is not shown to you.</source>
        <translation>请以其他工作人员身份登录。%1 未办完的受理将保存为 %1 的草稿并关闭，不会向您显示。</translation>
    </message>
    <message>
        <source>This counter is enrolled with the hall&apos;s server %1 and is waiting for the hall&apos;s accounts from it; they arrive with the sync as soon as the server answers, and the log-in opens by itself. The hall administrator creates accounts on the server (onewindow-cli account add).</source>
        <translation>本窗口已在大厅服务器 %1 登记，正在等待服务器下发本厅的账号；服务器一旦可以连接，账号即随同步到达，登录界面会自动开启。账号由大厅管理员在服务器上创建（onewindow-cli account add）。</translation>
    </message>
    <message>
        <source>The hall&apos;s accounts have arrived. Log in with your clerk account.</source>
        <translation>本厅账号已到达。请使用您的工作人员账号登录。</translation>
    </message>
    <message>
        <source>The hall&apos;s server cannot be reached yet: %1</source>
        <translation>暂时无法连接大厅服务器：%1</translation>
    </message>
    <message>
        <source>It goes to the hall&apos;s server at once; a hall administrator&apos;s password can be changed only while the server is reachable.</source>
        <translation>新密码将立即提交大厅服务器；管理员的密码只能在联网时修改。</translation>
    </message>
    <message>
        <source>Sending your new password to the hall&apos;s server…</source>
        <translation>正在向大厅服务器提交新密码……</translation>
    </message>
</context>
<context>
    <name>ow::ui::MainWindow</name>
    <message>
        <source>OneWindow Counter Workstation — %1 %2</source>
        <translation>一窗受理工作台 — %1 %2</translation>
    </message>
    <message>
        <source>Catalogue: %1, version %2, issued %3</source>
        <translation>事项目录：%1，版本 %2，发布于 %3</translation>
    </message>
    <message>
        <source>F1: keyboard shortcuts</source>
        <translation>F1：键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;Find a matter</source>
        <translation>查找事项(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Resume the interview</source>
        <translation>继续问答(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>重新开始(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;in on the sample</source>
        <translation>放大示例(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out of the sample</source>
        <translation>缩小示例(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit the sample to the view</source>
        <translation>示例适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Enlarge the sample</source>
        <translation>全窗口显示示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About OneWindow</source>
        <translation>关于一窗受理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Find a matter: go to the search field</source>
        <translation>查找事项：转到搜索框</translation>
    </message>
    <message>
        <source>Search: move through the results. Interview: previous / next question</source>
        <translation>搜索：在结果中移动。问答：上一个 / 下一个问题</translation>
    </message>
    <message>
        <source>Search: open the selected matter. Interview: confirm and go on</source>
        <translation>搜索：打开所选事项。问答：确认并继续</translation>
    </message>
    <message>
        <source>Choose the option with that number (multi-choice: tick or untick it)</source>
        <translation>选择对应编号的选项（多选题：勾选或取消勾选）</translation>
    </message>
    <message>
        <source>Next / previous question, then the checklist</source>
        <translation>下一个 / 上一个问题，最后是材料清单</translation>
    </message>
    <message>
        <source>Resume the interview left last</source>
        <translation>继续上次离开的问答</translation>
    </message>
    <message>
        <source>Start the interview over</source>
        <translation>重新开始问答</translation>
    </message>
    <message>
        <source>Zoom the sample in / out / fit it to the view</source>
        <translation>放大 / 缩小示例 / 使其适应窗口</translation>
    </message>
    <message>
        <source>Zoom the sample</source>
        <translation>缩放示例</translation>
    </message>
    <message>
        <source>Enlarge the sample to the whole window, or shrink it back</source>
        <translation>将示例放大到整个窗口，或还原</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>本列表</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About OneWindow</source>
        <translation>关于一窗受理</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;OneWindow %1&lt;/b&gt; — the counter workstation for integrated acceptance.&lt;/p&gt;&lt;p&gt;Catalogue: %2, version %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;一窗受理 %1&lt;/b&gt; — 无差别全科受理窗口工作台。&lt;/p&gt;&lt;p&gt;事项目录：%2，版本 %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Re&amp;gister the applicant</source>
        <translation>登记申请人(&amp;G)</translation>
    </message>
    <message>
        <source>Register the applicant of the open interview</source>
        <translation>登记当前问答的申请人</translation>
    </message>
    <message>
        <source>Registration: read the applicant&apos;s ID card</source>
        <translation>登记：读取申请人的身份证</translation>
    </message>
    <message>
        <source>&amp;Back one step</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Check the materials</source>
        <translation>核验材料(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Decide</source>
        <translation>作出决定(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save the draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>新办件(&amp;N)</translation>
    </message>
    <message>
        <source>Print the &amp;checklist</source>
        <translation>打印材料清单(&amp;C)</translation>
    </message>
    <message>
        <source>One step back: document → decision → material check → applicant → interview → search (the interview is kept); from an enlarged sample, back to the interview</source>
        <translation>后退一步：文书 → 决定 → 材料核验 → 申请人 → 问答 → 搜索（保留问答内容）；从放大的示例返回问答</translation>
    </message>
    <message>
        <source>Check the materials handed in, line by line</source>
        <translation>逐项核验已提交的材料</translation>
    </message>
    <message>
        <source>Decide: accept, accept with waiver, correction notice or refusal</source>
        <translation>作出决定：受理、容缺受理、一次性告知或不予受理</translation>
    </message>
    <message>
        <source>Save the intake as a draft case</source>
        <translation>将本次收件保存为草稿办件</translation>
    </message>
    <message>
        <source>The applicant&apos;s checklist, to print or save</source>
        <translation>申请人的材料清单，可打印或保存</translation>
    </message>
    <message>
        <source>Document: print it / save it as PDF / show the receipt for the receipt printer</source>
        <translation>文书：打印 / 另存为 PDF / 显示供凭条打印机打印的凭条</translation>
    </message>
    <message>
        <source>After a decision: start the next case</source>
        <translation>作出决定后：开始下一件</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>办件编号：%1</translation>
    </message>
    <message>
        <source>Material check: received / missing / waived / shared data; Ctrl+Enter: all points met, received</source>
        <translation>材料核验：已收取 / 缺少 / 容缺 / 数据共享；Ctrl+Enter：全部要点符合并收取</translation>
    </message>
    <message>
        <source>Material check: photograph the material with the document camera / import scanned files</source>
        <translation>材料核验：用高拍仪拍摄该材料 / 导入扫描文件</translation>
    </message>
    <message>
        <source>The pickup counter: scan or type a case number</source>
        <translation>出件窗口：扫描或输入办件编号</translation>
    </message>
    <message>
        <source>The case list with deadlines</source>
        <translation>办件列表（含办结时限）</translation>
    </message>
    <message>
        <source>Quit with an intake open?</source>
        <translation>有未完成的收件，仍要退出？</translation>
    </message>
    <message>
        <source>&lt;p&gt;The intake of &lt;b&gt;%1&lt;/b&gt; is not decided. It is kept as a draft and offered again at the next start, or from the case list (&lt;i&gt;Resume&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; 的收件尚未作出决定，将保存为草稿，下次启动时会提示继续办理，也可在办件列表中继续办理（&lt;i&gt;继续办理&lt;/i&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keep the draft and quit</source>
        <translation>保存草稿并退出</translation>
    </message>
    <message>
        <source>No document camera is connected to this workstation; import the scanned file instead.</source>
        <translation>本工作台未连接高拍仪，请改为导入扫描文件。</translation>
    </message>
    <message>
        <source>Queue: call the next ticket (its matter and ID card open the intake) / call it again / mark it a no-show</source>
        <translation>叫号：呼叫下一位（按其事项和身份证信息打开受理）/ 重呼 / 标记过号</translation>
    </message>
    <message>
        <source>Queue: transfer the ticket to another counter or area / park it</source>
        <translation>叫号：转至其他窗口或服务区 / 挂起</translation>
    </message>
    <message>
        <source>&amp;Practice…</source>
        <translation>业务练习(&amp;P)…</translation>
    </message>
    <message>
        <source>The supervisor&apos;s desk: the hall&apos;s warnings and figures (supervisors)</source>
        <translation>监察台：全大厅预警与统计（监察人员）</translation>
    </message>
    <message>
        <source>Online pre-applications: pre-review, accept for the counter or return with reasons</source>
        <translation>网上预审：通过（转窗口受理）或说明理由退回</translation>
    </message>
    <message>
        <source>Record a c&amp;onsultation…</source>
        <translation>记录咨询(&amp;O)…</translation>
    </message>
    <message>
        <source>Interview: record a consultation — the applicant&apos;s question, Tab, the answer given, Ctrl+Enter</source>
        <translation>情形问答时记录咨询：输入申请人的问题，按 Tab 输入答复，Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>Material check: fetch a data-shared material from the data-sharing platform</source>
        <translation>材料核验：从数据共享平台获取数据共享材料</translation>
    </message>
    <message>
        <source>Interview: the frequently asked questions that apply to the answers so far, in place of the checklist; again: back to the checklist</source>
        <translation>情形问答时：显示按目前回答适用的常见问题，替换材料清单；再按一次返回材料清单</translation>
    </message>
    <message>
        <source>Record a complaint: the case on screen, the clerk and the matter where known</source>
        <translation>登记投诉：可填写屏幕上的办件、被投诉人员和涉及事项</translation>
    </message>
    <message>
        <source>Pickup counter: print the department&apos;s result document / open it in the PDF viewer</source>
        <translation>综合出件窗口：打印部门出具的结果文书 / 用 PDF 阅读器打开</translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialAttachmentsBox</name>
    <message>
        <source>Import file…  Ctrl+I</source>
        <translation>导入文件…  Ctrl+I</translation>
    </message>
    <message>
        <source>Scan  F6</source>
        <translation>扫描  F6</translation>
    </message>
    <message>
        <source>%1  ·  %2  ·  %3</source>
        <translation>%1  ·  %2  ·  %3</translation>
    </message>
    <message>
        <source>Scans and files: none yet</source>
        <translation>扫描件和文件：暂无</translation>
    </message>
    <message>
        <source>Scans and files (%1)</source>
        <translation>扫描件和文件（%1）</translation>
    </message>
    <message>
        <source>Online pre-application  ·  %1</source>
        <translation>网上预审  ·  %1</translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialCheckPage</name>
    <message>
        <source>Material check</source>
        <translation>材料核验</translation>
    </message>
    <message>
        <source>↑↓ material · → points · R received · M missing · W waive · D data sharing · Ctrl+Enter all met and received</source>
        <translation>↑↓ 选择材料 · → 审查要点 · R 已收取 · M 缺失 · W 容缺 · D 数据共享 · Ctrl+Enter 全部符合并收取</translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation>份数：%1</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>待核验</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>waived, due %1</source>
        <translation>容缺，%1 前补交</translation>
    </message>
    <message>
        <source>data sharing</source>
        <translation>数据共享</translation>
    </message>
    <message>
        <source>supplied later</source>
        <translation>已补交</translation>
    </message>
    <message>
        <source>%1/%2 points met</source>
        <translation>要点符合 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%n not met</source>
        <translation>
            <numerusform>%n 项不符合</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>已收取 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>缺失 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waived</source>
        <translation>
            <numerusform>容缺 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed point(s)</source>
        <translation>
            <numerusform>不符合要点 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>待核验 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>all checked</source>
        <translation>已全部核验</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>用于：%1</translation>
    </message>
    <message>
        <source>not handed in (data sharing)</source>
        <translation>免提交（数据共享，窗口调取）</translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialCheckPanel</name>
    <message>
        <source>Space: met · F: not met, with the reason · Backspace: undo · ←: back to the list</source>
        <translation>Space：符合 · F：不符合（需填原因）· Backspace：撤销 · ←：返回列表</translation>
    </message>
    <message>
        <source>Note on this material (optional)</source>
        <translation>此材料的备注（选填）</translation>
    </message>
    <message>
        <source>To be supplied by</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <source>Received  R</source>
        <translation>已收取  R</translation>
    </message>
    <message>
        <source>Missing  M</source>
        <translation>缺失  M</translation>
    </message>
    <message>
        <source>Waived  W</source>
        <translation>容缺  W</translation>
    </message>
    <message>
        <source>Data sharing  D</source>
        <translation>数据共享  D</translation>
    </message>
    <message>
        <source>Original seen</source>
        <translation>已核验原件</translation>
    </message>
    <message>
        <source>Copy kept</source>
        <translation>已收复印件</translation>
    </message>
    <message>
        <source>Copies received</source>
        <translation>收取份数</translation>
    </message>
    <message>
        <source>Type the reason, or ↓ for a common error of this material</source>
        <translation>输入原因，或按 ↓ 选择此材料的常见错误</translation>
    </message>
    <message>
        <source>No material selected</source>
        <translation>未选择材料</translation>
    </message>
    <message>
        <source>Review points</source>
        <translation>审查要点</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>copies: %1</source>
        <translation>份数：%1</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>来源渠道：%1</translation>
    </message>
    <message>
        <source>waivable</source>
        <translation>可容缺</translation>
    </message>
    <message>
        <source>the acceptance receipt names this date</source>
        <translation>受理凭证上将载明此日期</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Review points: none listed for this material</source>
        <translation>审查要点：此材料未列出审查要点</translation>
    </message>
    <message>
        <source>Review points: not checked, the material was not handed in</source>
        <translation>审查要点：材料未提交，不核验</translation>
    </message>
    <message>
        <source>Review points · %1 of %2 met</source>
        <translation>审查要点 · %2 项中 %1 项符合</translation>
    </message>
    <message numerus="yes">
        <source> · %n not met</source>
        <translation>
            <numerusform> · %n 项不符合</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter: waive with this deadline · Esc: cancel</source>
        <translation>Enter：按此期限容缺 · Esc：取消</translation>
    </message>
    <message>
        <source>The material was not handed in: there is nothing to check.</source>
        <translation>该材料未提交：无需核验。</translation>
    </message>
    <message>
        <source>Why is “%1” not met? The applicant is told this reason.</source>
        <translation>“%1”为什么不符合？此原因将告知申请人。</translation>
    </message>
    <message>
        <source>Import files for %1</source>
        <translation>为“%1”导入文件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>not handed in (data sharing)</source>
        <translation>免提交（数据共享，窗口调取）</translation>
    </message>
</context>
<context>
    <name>ow::ui::MaterialDetailPanel</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>来源渠道：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Common errors</source>
        <translation>常见错误</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>前后置</translation>
    </message>
    <message>
        <source>Blank form: %1</source>
        <translation>空表：%1</translation>
    </message>
    <message>
        <source>Content outline: %1</source>
        <translation>内容提纲：%1</translation>
    </message>
    <message>
        <source>Reference text: %1</source>
        <translation>参考文本：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::MatterSearchPage</name>
    <message>
        <source>Which matter does the applicant come for?</source>
        <translation>申请人要办理什么事项？</translation>
    </message>
    <message>
        <source>Name, code, keyword or pinyin initials, e.g. ggcswsxk</source>
        <translation>名称、编码、关键词或拼音首字母，例如 ggcswsxk</translation>
    </message>
    <message>
        <source>Alt+→ resumes: %1</source>
        <translation>Alt+→ 继续：%1</translation>
    </message>
    <message>
        <source>All %1 matters and bundles, the most frequent first.</source>
        <translation>全部 %1 个事项和一件事，高频的排在前面。</translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer characters, the code, or pinyin initials.</source>
        <translation>没有匹配结果。请减少字数，或改用编码、拼音首字母。</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Up/Down to choose, Enter to open.</source>
        <translation>
            <numerusform>%n 个结果。按上/下键选择，按 Enter 打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>A guide code from the self-service checklist: Enter opens its matter with the applicant&apos;s answers.</source>
        <translation>这是自助材料清单的二维码：按回车打开该事项，并带入申请人选择的情形。</translation>
    </message>
    <message>
        <source>The guide code cannot be read: %1</source>
        <translation>无法识别该办事指南二维码：%1</translation>
    </message>
    <message>
        <source>The guide code names matter %1, which this catalogue does not have.</source>
        <translation>二维码中的事项 %1 不在当前事项目录中。</translation>
    </message>
    <message>
        <source>A pre-application code: Enter fetches what the applicant submitted online from the hall&apos;s server.</source>
        <translation>这是网上预申报码：按回车从大厅服务器调取申请人在网上提交的内容。</translation>
    </message>
    <message>
        <source>The pre-application code cannot be read: %1</source>
        <translation>无法识别该网上预申报码：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::MultiChoiceQuestionWidget</name>
    <message>
        <source>Confirm selection</source>
        <translation>确认选择</translation>
    </message>
    <message>
        <source>Choose any number (also none), then press Enter to confirm.</source>
        <translation>可选任意项（也可都不选），然后按 Enter 确认。</translation>
    </message>
</context>
<context>
    <name>ow::ui::NumberQuestionWidget</name>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>from %1 to %2, then press Enter</source>
        <translation>%1 至 %2，然后按 Enter</translation>
    </message>
    <message>
        <source>at least %1, then press Enter</source>
        <translation>不小于 %1，然后按 Enter</translation>
    </message>
    <message>
        <source>at most %1, then press Enter</source>
        <translation>不大于 %1，然后按 Enter</translation>
    </message>
    <message>
        <source>press Enter to confirm</source>
        <translation>按 Enter 确认</translation>
    </message>
    <message>
        <source>Enter a number, for example 120.</source>
        <translation>请输入数字，例如 120。</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2.</source>
        <translation>请输入 %1 至 %2 之间的数字。</translation>
    </message>
    <message>
        <source>Enter a number of at least %1.</source>
        <translation>请输入不小于 %1 的数字。</translation>
    </message>
    <message>
        <source>Enter a number of at most %1.</source>
        <translation>请输入不大于 %1 的数字。</translation>
    </message>
</context>
<context>
    <name>ow::ui::OutcomePanel</name>
    <message>
        <source>Screening outcome</source>
        <translation>筛查结论</translation>
    </message>
    <message>
        <source>The answers show that no checklist applies: tell the applicant the outcome and its reason.</source>
        <translation>根据所答情形，本事项无需提交材料清单。请向申请人说明结论及理由。</translation>
    </message>
    <message>
        <source>Print the one-time notice (Ctrl+Shift+P)</source>
        <translation>打印一次性告知书（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>No application needed: %1</source>
        <translation>无需办理：%1</translation>
    </message>
    <message>
        <source>Apply instead for: %1</source>
        <translation>请办理：%1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>No application needed</source>
        <translation>无需办理</translation>
    </message>
    <message>
        <source>Situation: %1</source>
        <translation>办事情形：%1</translation>
    </message>
    <message>
        <source>This matter cannot be accepted in this situation. Open the matter above: the answers both matters ask are carried over.</source>
        <translation>此情形不能受理本事项。请改为办理上述事项，两个事项相同问题的答案将自动带入。</translation>
    </message>
    <message>
        <source>This matter cannot be accepted in this situation; nothing needs to be handed in.</source>
        <translation>此情形不能受理本事项，申请人无需提交任何材料。</translation>
    </message>
    <message>
        <source>Open it with these answers (F7)</source>
        <translation>带入答案办理该事项（F7）</translation>
    </message>
</context>
<context>
    <name>ow::ui::PickupPage</name>
    <message>
        <source>Pickup counter</source>
        <translation>综合出件窗口</translation>
    </message>
    <message>
        <source>Scan the QR code on the applicant&apos;s receipt, or type the case number and press Enter.</source>
        <translation>扫描申请人凭证上的二维码，或输入统一申报编码后按 Enter。</translation>
    </message>
    <message>
        <source>Case number or scanned case link</source>
        <translation>统一申报编码或扫描到的办件链接</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待领取</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Hand over at the counter</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <source>The applicant</source>
        <translation>申请人本人</translation>
    </message>
    <message>
        <source>An agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Name of the person collecting</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <source>Their citizen ID number (read the card or type it)</source>
        <translation>领取人公民身份号码（读卡或手工输入）</translation>
    </message>
    <message>
        <source>Record hand-over</source>
        <translation>登记领取</translation>
    </message>
    <message>
        <source>Send by EMS</source>
        <translation>EMS 邮寄</translation>
    </message>
    <message>
        <source>Post the result through the unified postal channel and keep the waybill.</source>
        <translation>通过统一寄递渠道邮寄办理结果，并留存运单。</translation>
    </message>
    <message>
        <source>Record mailing</source>
        <translation>登记邮寄</translation>
    </message>
    <message>
        <source>Waiting for a receipt to be scanned.</source>
        <translation>等待扫描凭证。</translation>
    </message>
    <message>
        <source>Ready. The applicant asked for delivery by post: send it by EMS.</source>
        <translation>可出件。申请人要求邮寄送达：请通过 EMS 寄出。</translation>
    </message>
    <message>
        <source>Ready. Check the collector&apos;s ID card, then record the hand-over.</source>
        <translation>可出件。请核验领取人身份证，然后登记领取。</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>无办件</translation>
    </message>
    <message>
        <source>Result: the licence or written decision of %1</source>
        <translation>办理结果：%1 的许可证件或书面决定</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>尚无办理结果</translation>
    </message>
    <message>
        <source>Applicant: %1</source>
        <translation>申请人：%1</translation>
    </message>
    <message>
        <source>Deliver by post to %1 %2, %3%4%5 %6</source>
        <translation>邮寄至 %1 %2，%3%4%5 %6</translation>
    </message>
    <message>
        <source>To be collected at the counter.</source>
        <translation>到窗口领取。</translation>
    </message>
    <message>
        <source>Compare the photo on the card with the person.</source>
        <translation>请核对证件照片与本人是否一致。</translation>
    </message>
    <message>
        <source>Valid ID number, %1</source>
        <translation>公民身份号码有效，%1</translation>
    </message>
    <message>
        <source>Tracking number %1</source>
        <translation>运单号 %1</translation>
    </message>
    <message>
        <source>Mailed: case %1 by EMS %2. Keep the waybill with the case.</source>
        <translation>已邮寄：办件 %1，EMS 运单号 %2。请将运单随办件留存。</translation>
    </message>
    <message>
        <source>Ready for pickup (%1)</source>
        <translation>待领取（%1）</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>暂无待领取的办件。</translation>
    </message>
    <message>
        <source>EMS tracking number, e.g. EA123456785CN</source>
        <translation>EMS 运单号，例如 EA123456785CN</translation>
    </message>
    <message>
        <source>13 characters: EA123456785CN, or 13 digits.</source>
        <translation>13位：EA123456785CN，或13位数字。</translation>
    </message>
    <message>
        <source>← Pickup counter</source>
        <translation>← 综合出件窗口</translation>
    </message>
    <message>
        <source>Back to the pickup counter (Esc)</source>
        <translation>返回综合出件窗口（Esc）</translation>
    </message>
    <message>
        <source>The mailing address lacks %1.</source>
        <translation>邮寄地址缺少%1。</translation>
    </message>
    <message>
        <source>Handed over: case %1 to %2. Ask them to sign the pickup slip.</source>
        <translation>已出件：办件 %1 交 %2 领取，请其在签收单上签字。</translation>
    </message>
    <message>
        <source>Handed over: case %1 to %2. Print the pickup slip and have it signed.</source>
        <translation>已出件：办件 %1 交 %2 领取。请打印签收单并由领取人签字。</translation>
    </message>
    <message>
        <source>Mailed: case %1 by EMS %2. Print the label for the envelope.</source>
        <translation>已邮寄：办件 %1，EMS 单号 %2。请打印邮寄面单贴于封套。</translation>
    </message>
    <message>
        <source>Recorded, but the document cannot be made: %1</source>
        <translation>已登记，但单据无法生成：%1</translation>
    </message>
    <message>
        <source>Recipient&apos;s name</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <source>Recipient&apos;s mobile</source>
        <translation>收件人手机</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Postcode (optional)</source>
        <translation>邮政编码（选填）</translation>
    </message>
    <message>
        <source>Save the &amp;address</source>
        <translation>保存地址(&amp;A)</translation>
    </message>
    <message>
        <source>Mailing address saved for case %1. Scan or type the EMS number, then record the mailing.</source>
        <translation>办件%1的邮寄地址已保存。请扫描或输入EMS运单号，然后登记邮寄。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1
Originals to return: %2</source>
        <translation>%1
退还原件：%2</translation>
    </message>
</context>
<context>
    <name>ow::ui::PointCheckDelegate</name>
    <message>
        <source>Not met: %1</source>
        <translation>不符合：%1</translation>
    </message>
</context>
<context>
    <name>ow::ui::PointsDrillDownDialog</name>
    <message>
        <source>Case taken in</source>
        <translation>受理办件</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Practice passed</source>
        <translation>业务练习通过</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>好差评</translation>
    </message>
    <message>
        <source>Supervisor&apos;s correction</source>
        <translation>监察更正</translation>
    </message>
    <message>
        <source>Points of %1 (%2), %3</source>
        <translation>%1（%2）的积分明细，%3</translation>
    </message>
    <message>
        <source>Required: why the points are corrected</source>
        <translation>必填：更正积分的理由</translation>
    </message>
    <message>
        <source>Record &amp;correction…</source>
        <translation>登记更正(&amp;C)…</translation>
    </message>
    <message>
        <source>Correct by &amp;points:</source>
        <translation>更正分值(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Points %1 %2 %3</source>
        <translation>积分明细 %1 %2 %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>By</source>
        <translation>登记人</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 points from %n item(s); grade %2, %3 qualified matters.</source>
        <translation>
            <numerusform>合计 %1 分，共 %n 项；等级 %2，熟练掌握事项 %3 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The items add up to %1, not to the total the server gave.</source>
        <translation>明细合计为 %1 分，与服务器给出的总分不一致。</translation>
    </message>
    <message>
        <source>Type the points to add, or a negative number to take away.</source>
        <translation>请输入要加的分值，扣分请输入负数。</translation>
    </message>
    <message>
        <source>A correction needs its reason.</source>
        <translation>更正积分须填写理由。</translation>
    </message>
    <message>
        <source>Correct points</source>
        <translation>更正积分</translation>
    </message>
    <message>
        <source>Record %1 point(s) for %2 in %3?</source>
        <translation>为 %2 登记 %3 的积分更正 %1 分？</translation>
    </message>
    <message>
        <source>Reason: %1&lt;br&gt;The correction is kept as an item of its own with your name; it is not an edit and cannot be removed.</source>
        <translation>理由：%1&lt;br&gt;更正将连同您的姓名单独记为一项，不修改原有积分，登记后不能删除。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>The correction was not recorded: %1</source>
        <translation>更正未能登记：%1</translation>
    </message>
    <message>
        <source>Correction of %1 point(s) recorded.</source>
        <translation>已登记积分更正 %1 分。</translation>
    </message>
    <message>
        <source>Catalogue item maintained</source>
        <translation>目录维护</translation>
    </message>
</context>
<context>
    <name>ow::ui::PracticeDialog</name>
    <message>
        <source>Practice</source>
        <translation>业务练习</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Each question is a real situation of a matter, drawn from the catalogue the counter works with: tick the materials the applicant must bring, and the counter&apos;s own checklist marks the answer. The pass mark is %1%.</source>
        <translation>每道题都是本窗口所用目录中某一事项的真实办事情形：请勾选申请人须提交的材料，系统按窗口受理所用的材料清单评分。及格线为 %1%。</translation>
    </message>
    <message>
        <source>name or code</source>
        <translation>名称或编码</translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message>
        <source>%1  %2 · bundle</source>
        <translation>%1  %2 · 一件事</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始练习(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>题数(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Matters to practise (Space ticks; none ticked: the whole catalogue, high-frequency matters most often)</source>
        <translation>练习事项(&amp;M)（空格勾选；不勾选则从整个目录出题，高频事项出现最多）</translation>
    </message>
    <message>
        <source>The applicant&apos;s situation:</source>
        <translation>申请人的办事情形：</translation>
    </message>
    <message>
        <source>&amp;Materials the applicant must bring (Space ticks, Enter marks the answer):</source>
        <translation>申请人须提交的材料(&amp;M)（空格勾选，回车提交评分）：</translation>
    </message>
    <message>
        <source>&amp;Practise again</source>
        <translation>再练一次(&amp;P)</translation>
    </message>
    <message>
        <source>This workstation keeps no practice record: the scores count toward no points or grade.</source>
        <translation>本工作站不保存练习记录，成绩不计入积分和考级。</translation>
    </message>
    <message>
        <source>Tick every material the applicant must bring in this situation, then press Enter. The answer is marked against the counter&apos;s checklist; the review points of what you missed show here.</source>
        <translation>请勾选此情形下申请人须提交的全部材料，然后按回车。系统按窗口受理的材料清单评分，漏选材料的审核要点将显示在此处。</translation>
    </message>
    <message>
        <source>Mark the &amp;answer</source>
        <translation>提交答案(&amp;A)</translation>
    </message>
    <message>
        <source>%1 — right</source>
        <translation>%1 — 正确</translation>
    </message>
    <message>
        <source>%1 — not to be brought</source>
        <translation>%1 — 无需提交</translation>
    </message>
    <message>
        <source>%1 — missed</source>
        <translation>%1 — 漏选</translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation>下一题(&amp;N)</translation>
    </message>
    <message>
        <source>See the &amp;results</source>
        <translation>查看成绩(&amp;R)</translation>
    </message>
    <message>
        <source>The practice could not be recorded: %1</source>
        <translation>练习成绩未能记录：%1</translation>
    </message>
    <message>
        <source>The practice is recorded; it counts toward your points and grade once this workstation has synced.</source>
        <translation>练习成绩已记录，工作站同步后计入积分和考级。</translation>
    </message>
</context>
<context>
    <name>ow::ui::PracticeReport</name>
    <message>
        <source>bundle</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Question %1 of %2: %3 · %4</source>
        <translation>第 %1 题（共 %2 题）：%3 · %4</translation>
    </message>
    <message>
        <source>This matter has one situation: no question splits it.</source>
        <translation>本事项只有一种办事情形，无需询问情形问题。</translation>
    </message>
    <message>
        <source>Score %1 / %2: passed</source>
        <translation>得分 %1 / %2：合格</translation>
    </message>
    <message>
        <source>Score %1 / %2: below the pass mark of %3%</source>
        <translation>得分 %1 / %2：未达及格线 %3%</translation>
    </message>
    <message>
        <source>Missed — the applicant must bring these (review points):</source>
        <translation>漏选——申请人须提交以下材料（审核要点）：</translation>
    </message>
    <message>
        <source>Picked, but not to be brought here:</source>
        <translation>多选——此情形下无需提交：</translation>
    </message>
    <message>
        <source>data-shared: the hall fetches it, the applicant need not bring it</source>
        <translation>数据共享，由窗口调取，申请人无需提交</translation>
    </message>
    <message>
        <source>not required in this situation</source>
        <translation>此情形下不需要</translation>
    </message>
    <message>
        <source>Every material right: nothing missed, nothing extra.</source>
        <translation>材料全部正确，无漏选、无多选。</translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): passed</source>
        <translation>总分 %1 / %2（%3%）：合格</translation>
    </message>
    <message>
        <source>Total %1 / %2 (%3%): not passed, the pass mark is %4%</source>
        <translation>总分 %1 / %2（%3%）：不合格，及格线为 %4%</translation>
    </message>
</context>
<context>
    <name>ow::ui::PreApplicationPickup</name>
    <message>
        <source>Pre-application %1: this workstation is not enrolled with the hall&apos;s server, so it cannot fetch what the applicant submitted online.</source>
        <translation>网上预申报 %1：本工作站未接入大厅服务器，无法调取申请人在网上提交的内容。</translation>
    </message>
    <message>
        <source>Pre-application %1: cases cannot be taken in at this workstation.</source>
        <translation>网上预申报 %1：本工作站不能受理办件。</translation>
    </message>
    <message>
        <source>Pre-application %1 was returned to the applicant by the pre-review: %2. It cannot be taken in until the applicant submits it again.</source>
        <translation>网上预申报 %1 已在预审中退回申请人：%2。申请人重新提交前不能受理。</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>未记录理由</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Pre-application %1 was already taken in as case %2.</source>
        <translation>网上预申报 %1 已受理为办件 %2。</translation>
    </message>
    <message>
        <source>(number not known)</source>
        <translation>（编号不详）</translation>
    </message>
    <message>
        <source>Pre-application %1 is %2: the counter takes in only one submitted or accepted by the pre-review.</source>
        <translation>网上预申报 %1 的状态为 %2：窗口只受理已提交或已通过预审的预申报。</translation>
    </message>
    <message>
        <source>Pre-application %1 is for matter %2, which this workstation&apos;s catalogue does not have.</source>
        <translation>网上预申报 %1 申报的事项 %2 不在本工作站的目录中。</translation>
    </message>
</context>
<context>
    <name>ow::ui::PreReviewDialog</name>
    <message>
        <source>Online pre-applications: pre-review</source>
        <translation>网上预申报：预审</translation>
    </message>
    <message>
        <source>Pre-applications &amp;waiting</source>
        <translation>待预审(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;cans</source>
        <translation>扫描件(&amp;C)</translation>
    </message>
    <message>
        <source>Choose a scan to see it.</source>
        <translation>选择一份扫描件即可查看。</translation>
    </message>
    <message>
        <source>Reasons &amp;for returning, one a line (the applicant reads them)</source>
        <translation>退回理由(&amp;F)，每行一条（申请人可见）</translation>
    </message>
    <message>
        <source>&amp;Accept for the counter</source>
        <translation>预审通过(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;turn to the applicant</source>
        <translation>退回申请人(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with the hall&apos;s server: there are no online pre-applications to review here.</source>
        <translation>本工作站未接入大厅服务器，这里没有可预审的网上预申报。</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2
%3 · submitted %4 · %n scan(s)</source>
        <translation>
            <numerusform>%1  %2
%3 · %4 提交 · %n 份扫描件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pre-application(s) waiting for the pre-review.</source>
        <translation>
            <numerusform>%n 件网上预申报待预审。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a pre-application on the left.&lt;/p&gt;</source>
        <translation>&lt;p&gt;请在左侧选择一件网上预申报。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Code %1 · submitted %2 · verified mobile %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;预申报码 %1 · %2 提交 · 已验证手机 %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Applicant:&lt;/b&gt; %1 %2 · %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;申请人：&lt;/b&gt;%1 %2 · %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This workstation&apos;s catalogue does not have matter %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;本工作站的目录中没有事项 %1。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Answers:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;办事情形：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The answers do not reach a situation in this catalogue: return the pre-application, or let the counter ask.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;按本目录，这些选择未能确定办事情形：请退回预申报，或由窗口当面询问。&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Checklist:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;材料清单：&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>data-shared: nothing to upload</source>
        <translation>数据共享：无需上传</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation>
            <numerusform>%n 份扫描件</numerusform>
        </translation>
    </message>
    <message>
        <source>no scan</source>
        <translation>未上传扫描件</translation>
    </message>
    <message>
        <source>%1 (%2) cannot be shown here; the counter opens it with the case.</source>
        <translation>%1（%2）无法在此显示，窗口可在办件中打开。</translation>
    </message>
    <message>
        <source>Write at least one reason, one a line: the applicant reads them to put the application right.</source>
        <translation>请至少写一条理由，每行一条：申请人据此补正申请。</translation>
    </message>
    <message>
        <source>Pre-application %1 accepted for the counter.</source>
        <translation>网上预申报 %1 预审通过，转窗口受理。</translation>
    </message>
    <message numerus="yes">
        <source>Pre-application %1 returned to the applicant with %n reason(s).</source>
        <translation>
            <numerusform>网上预申报 %1 已退回申请人，附理由 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::PrinterRoutingTable</name>
    <message>
        <source>print dialog</source>
        <translation>打印对话框</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>receipt printer</source>
        <translation>凭条打印机</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Print on</source>
        <translation>打印到</translation>
    </message>
    <message>
        <source>Goes to now</source>
        <translation>当前去向</translation>
    </message>
    <message>
        <source>Printer for: %1</source>
        <translation>%1的打印机</translation>
    </message>
    <message>
        <source>the Documents folder</source>
        <translation>“文档”文件夹</translation>
    </message>
    <message>
        <source>Save &amp;PDFs in:</source>
        <translation>PDF 保存位置(&amp;P)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>凭条打印机</translation>
    </message>
    <message>
        <source>Ask every time</source>
        <translation>每次询问</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1（未安装）</translation>
    </message>
</context>
<context>
    <name>ow::ui::QuestionWidget</name>
    <message>
        <source>Preset by the bundle</source>
        <translation>由一件事预设</translation>
    </message>
    <message>
        <source>✓ Answered</source>
        <translation>✓ 已回答</translation>
    </message>
</context>
<context>
    <name>ow::ui::QueueBar</name>
    <message>
        <source>open</source>
        <translation>已开窗</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关窗</translation>
    </message>
    <message>
        <source>&amp;Call next</source>
        <translation>下一位(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>重呼(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>过号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Park</source>
        <translation>挂起(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转窗口(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Open the counter</source>
        <translation>开窗(&amp;O)</translation>
    </message>
    <message>
        <source>Pa&amp;use the counter</source>
        <translation>暂停服务(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lose the counter</source>
        <translation>关窗(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>叫号(&amp;Q)</translation>
    </message>
    <message>
        <source>This counter works without the hall&apos;s queue: take applicants in the order they come.</source>
        <translation>本窗口未接入大厅排队叫号系统：请按到场顺序接待申请人。</translation>
    </message>
    <message>
        <source>Counter %1: asking the hall&apos;s queue…</source>
        <translation>%1 窗口：正在连接排队叫号系统…</translation>
    </message>
    <message>
        <source>The hall&apos;s queue cannot be reached (%1): take applicants in the order they come; the bar follows when it answers again.</source>
        <translation>无法连接排队叫号系统（%1）：请按到场顺序接待申请人；连接恢复后本栏自动更新。</translation>
    </message>
    <message>
        <source>Counter %1 · %2</source>
        <translation>%1 窗口 · %2</translation>
    </message>
    <message>
        <source> (clerk %1)</source>
        <translation>（工作人员 %1）</translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation>正在办理 %1</translation>
    </message>
    <message numerus="yes">
        <source>called %1 (%n call(s))</source>
        <translation>
            <numerusform>已叫 %1（第 %n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting here</source>
        <translation>
            <numerusform>本窗口等候 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>%1 窗口</translation>
    </message>
    <message>
        <source>Service area %1</source>
        <translation>%1 服务区</translation>
    </message>
    <message>
        <source>The hall has no other counter or service area to transfer to.</source>
        <translation>大厅没有可转入的其他窗口或服务区。</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转窗口</translation>
    </message>
    <message>
        <source>Transfer ticket %1 to:</source>
        <translation>将 %1 号转至：</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n 项变更待补发</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::RegistrationPage</name>
    <message>
        <source>Register the applicant</source>
        <translation>登记申请人</translation>
    </message>
    <message>
        <source>F3 reads the ID card · F4 goes on to check the materials · Esc back to the questions</source>
        <translation>F3 读取身份证 · F4 进入材料核验 · Esc 返回情形问题</translation>
    </message>
    <message>
        <source>F3 reads the ID card · Ctrl+Shift+P shows the checklist · Esc back to the questions</source>
        <translation>F3 读取身份证 · Ctrl+Shift+P 显示材料清单 · Esc 返回情形问题</translation>
    </message>
</context>
<context>
    <name>ow::ui::ResultDocumentsBox</name>
    <message>
        <source>Result documents</source>
        <translation>结果文书</translation>
    </message>
    <message>
        <source>Print result document</source>
        <translation>打印结果文书</translation>
    </message>
    <message>
        <source>Print the department&apos;s document on the counter&apos;s printer (Ctrl+P)</source>
        <translation>用本窗口打印机打印部门出具的文书（Ctrl+P）</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Open the document in the PDF viewer (Ctrl+O)</source>
        <translation>用 PDF 阅读器打开文书（Ctrl+O）</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>not received: %1</source>
        <translation>未能接收：%1</translation>
    </message>
    <message>
        <source>%1
%2 · %3 · %4 · %5</source>
        <translation>%1
%2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Result documents (%1)</source>
        <translation>结果文书（%1）</translation>
    </message>
    <message>
        <source>“%1” was not received: %2</source>
        <translation>“%1”未能接收：%2</translation>
    </message>
    <message>
        <source>“%1” is still being downloaded from the server; it comes with the next sync.</source>
        <translation>“%1”正在从服务器下载，将随下一轮同步到达。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message numerus="yes">
        <source>Printed “%1”: %n page(s).</source>
        <translation>
            <numerusform>已打印“%1”，共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>No PDF viewer could open %1.</source>
        <translation>没有可打开 %1 的 PDF 阅读器。</translation>
    </message>
    <message>
        <source>“%1” opened in the PDF viewer.</source>
        <translation>已用 PDF 阅读器打开“%1”。</translation>
    </message>
</context>
<context>
    <name>ow::ui::SampleViewer</name>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit to the view (Ctrl+0)</source>
        <translation>适应窗口（Ctrl+0）</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Review points</source>
        <translation>审查要点</translation>
    </message>
    <message>
        <source>Select a material in the checklist to see its review points and sample.</source>
        <translation>在材料清单中选择一项材料，查看其审查要点和示例。</translation>
    </message>
    <message>
        <source>The catalogue gives no review points for this material.</source>
        <translation>事项目录未给出此材料的审查要点。</translation>
    </message>
    <message>
        <source>The sample image %1 could not be read.</source>
        <translation>无法读取示例图片 %1。</translation>
    </message>
    <message>
        <source>The catalogue has no sample image for this material.</source>
        <translation>事项目录中没有此材料的示例图片。</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>ow::ui::ScanFailuresDialog</name>
    <message>
        <source>Scans that cannot be read</source>
        <translation>无法读取的扫描件</translation>
    </message>
    <message>
        <source>These scans cannot be read from this computer&apos;s disk, so the cases citing them wait while everything else is sent. Scan the material again and choose &lt;b&gt;Read again&lt;/b&gt;, or &lt;b&gt;Give up&lt;/b&gt; the scan to send the case without it.</source>
        <translation>以下扫描件无法从本机磁盘读取，引用它们的办件暂缓上传，其余内容照常发送。请重新扫描该材料后选择&lt;b&gt;重新读取&lt;/b&gt;，或&lt;b&gt;放弃&lt;/b&gt;该扫描件，办件将不带此扫描件上传。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>统一申报编码</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>The material was scanned again: read the scan afresh at the next sync</source>
        <translation>材料已重新扫描：下次同步时重新读取该扫描件</translation>
    </message>
    <message>
        <source>&amp;Give up</source>
        <translation>放弃(&amp;G)</translation>
    </message>
    <message>
        <source>Send the case without this scan</source>
        <translation>办件不带此扫描件上传</translation>
    </message>
    <message>
        <source>(no case)</source>
        <translation>（无办件）</translation>
    </message>
    <message>
        <source>(unnamed scan)</source>
        <translation>（未命名扫描件）</translation>
    </message>
    <message>
        <source>Give up the scan</source>
        <translation>放弃扫描件</translation>
    </message>
    <message>
        <source>Send case %1 without this scan?</source>
        <translation>办件 %1 不带此扫描件上传？</translation>
    </message>
    <message>
        <source>&lt;p&gt;The scan of &lt;b&gt;%1&lt;/b&gt; is no longer kept with the case on the server. Do this only when the material cannot be scanned again; it cannot be undone here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;服务器上的该办件将不再保存&lt;b&gt;%1&lt;/b&gt;的扫描件。仅在材料无法重新扫描时这样做；此操作在本机无法撤销。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ow::ui::SearchResultDelegate</name>
    <message>
        <source>bundle</source>
        <translation>一件事</translation>
    </message>
</context>
<context>
    <name>ow::ui::SearchResultModel</name>
    <message>
        <source>one-thing bundle</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>%1 matters</source>
        <translation>%1 个事项</translation>
    </message>
    <message>
        <source>promised, %1 working days</source>
        <translation>承诺件，%1 个工作日</translation>
    </message>
    <message>
        <source>immediate</source>
        <translation>即办件</translation>
    </message>
    <message>
        <source>matched the code</source>
        <translation>编码匹配</translation>
    </message>
    <message>
        <source>keyword: %1</source>
        <translation>关键词：%1</translation>
    </message>
    <message>
        <source>matched a keyword</source>
        <translation>关键词匹配</translation>
    </message>
</context>
<context>
    <name>ow::ui::SessionGuard</name>
    <message>
        <source>Clerk: %1 (%2)</source>
        <translation>窗口人员：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Lock the workstation</source>
        <translation>锁定工作站(&amp;L)</translation>
    </message>
    <message>
        <source>The open intake of %1 could not be saved as a draft, so the counter stays with %1. %1 unlocks and saves or finishes it first.</source>
        <translation>%1 未办完的受理无法保存为草稿，本窗口仍由 %1 使用。请 %1 先解锁，保存或办结该受理。</translation>
    </message>
    <message>
        <source>The account of %1 was disabled by the hall administrator and can no longer be used at this counter. Another clerk signs in with Switch user; the open intake is then saved as a draft.</source>
        <translation>%1 的账号已被大厅管理员停用，不能再在本窗口使用。其他工作人员可通过“切换用户”登录，届时未办完的受理将保存为草稿。</translation>
    </message>
</context>
<context>
    <name>ow::ui::SetupDialog</name>
    <message>
        <source>Set up this workstation</source>
        <translation>设置本工作站</translation>
    </message>
    <message>
        <source>This workstation is not set up yet. Say which hall and counter it is, whether it works with the hall&apos;s server, and which catalogue it uses. IT can preset all of this in the machine-wide file (see the deployment guide); then this window does not appear.</source>
        <translation>本工作站尚未设置。请指定所属大厅和窗口、是否连接大厅服务器，以及使用哪份事项目录。信息部门可在全机配置文件中预先填写这些内容（见部署说明），届时不会出现本窗口。</translation>
    </message>
    <message>
        <source>&amp;Start OneWindow</source>
        <translation>启动一窗受理(&amp;S)</translation>
    </message>
    <message>
        <source>Hall and counter</source>
        <translation>大厅和窗口</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>省(&amp;P)：</translation>
    </message>
    <message>
        <source>Ci&amp;ty:</source>
        <translation>市(&amp;T)：</translation>
    </message>
    <message>
        <source>Cou&amp;nty or district:</source>
        <translation>县/区(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Hall number:</source>
        <translation>大厅编号(&amp;H)：</translation>
    </message>
    <message>
        <source>C&amp;ounter number:</source>
        <translation>窗口号(&amp;O)：</translation>
    </message>
    <message>
        <source>Case numbers start with:</source>
        <translation>办件编号开头：</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Stand&amp;alone: this counter keeps its cases and accounts itself</source>
        <translation>单机(&amp;A)：本窗口自行保存办件和账号</translation>
    </message>
    <message>
        <source>&amp;Enrol with the hall&apos;s server</source>
        <translation>注册到大厅服务器(&amp;E)</translation>
    </message>
    <message>
        <source>one-time code from the server&apos;s administrator</source>
        <translation>服务器管理员提供的一次性注册码</translation>
    </message>
    <message>
        <source>En&amp;rol now</source>
        <translation>立即注册(&amp;R)</translation>
    </message>
    <message>
        <source>Server a&amp;ddress:</source>
        <translation>服务器地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在询问服务器……</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <source>A catalogue &amp;folder:</source>
        <translation>事项目录文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Use the de&amp;mo catalogue</source>
        <translation>使用演示目录(&amp;M)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>No device settings yet; set them later under Tools → Devices.</source>
        <translation>尚无设备设置；启动后可在“工具 → 设备”中设置。</translation>
    </message>
    <message>
        <source>A quick check; the settings are under Tools → Devices after the start.</source>
        <translation>快速检查；启动后可在“工具 → 设备”中修改设置。</translation>
    </message>
    <message>
        <source>Choose the catalogue folder</source>
        <translation>选择事项目录文件夹</translation>
    </message>
    <message>
        <source>(choose the county or district)</source>
        <translation>（请选择县/区）</translation>
    </message>
    <message>
        <source>%1 — %2, hall %3, counter %4</source>
        <translation>%1 — %2，%3 号大厅，%4 号窗口</translation>
    </message>
    <message>
        <source>No catalogue has been synced yet.</source>
        <translation>尚未同步任何事项目录。</translation>
    </message>
    <message>
        <source>The newest catalogue from the ser&amp;ver</source>
        <translation>服务器同步的最新目录(&amp;V)</translation>
    </message>
</context>
<context>
    <name>ow::ui::SharedMaterialBox</name>
    <message>
        <source>Data sharing</source>
        <translation>数据共享</translation>
    </message>
    <message>
        <source>Why the paper is taken instead (required)</source>
        <translation>改收纸质材料的原因（必填）</translation>
    </message>
    <message>
        <source>Take the paper</source>
        <translation>收取纸质材料</translation>
    </message>
    <message>
        <source>Fetch  F7</source>
        <translation>共享获取  F7</translation>
    </message>
    <message>
        <source>Not configured  F7</source>
        <translation>共享获取未配置  F7</translation>
    </message>
    <message>
        <source>F7: fetch %1 from the data-sharing platform by the applicant&apos;s credit code or ID number, attached to the case as its scan</source>
        <translation>F7：按申请人的统一社会信用代码或身份证号从数据共享平台获取%1，作为该材料的扫描件附入办件</translation>
    </message>
    <message>
        <source>F7: no data-sharing platform is configured on this workstation (sharing-endpoint); take the paper instead</source>
        <translation>F7：本工作站未配置数据共享平台（sharing-endpoint），请收取纸质材料</translation>
    </message>
    <message>
        <source>Fetching %1 from the data-sharing platform…</source>
        <translation>正在从数据共享平台获取%1…</translation>
    </message>
    <message>
        <source>Fetched from %1 at %2 · reference %3</source>
        <translation>已共享获取：来源 %1 · %2 · 平台编号 %3</translation>
    </message>
    <message>
        <source>Taken on paper: %1</source>
        <translation>已收取纸质材料，原因：%1</translation>
    </message>
    <message>
        <source>No data-sharing platform is configured here: take the paper, with the reason.</source>
        <translation>本窗口未配置数据共享平台：请收取纸质材料并注明原因。</translation>
    </message>
    <message>
        <source>The applicant need not bring it: F7 fetches it.</source>
        <translation>申请人无须提交，按 F7 共享获取。</translation>
    </message>
</context>
<context>
    <name>ow::ui::SharedMaterialControl</name>
    <message>
        <source>Fetching from the data-sharing platform…</source>
        <translation>正在从数据共享平台获取…</translation>
    </message>
    <message>
        <source>Taken on paper; the reason is recorded on the material&apos;s check.</source>
        <translation>已收取纸质材料，原因已记入该材料的核验记录。</translation>
    </message>
    <message>
        <source>Fetched through data sharing and attached to the case; check its review points.</source>
        <translation>已通过数据共享获取并附入办件，请核对审查要点。</translation>
    </message>
</context>
<context>
    <name>ow::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard. The mouse works too.</source>
        <translation>所有操作都可以用键盘完成，也可以用鼠标。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ow::ui::SupervisorDeskPage</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor&apos;s desk</source>
        <translation>监察台</translation>
    </message>
    <message>
        <source>Your own password: the server checks it and signs you in for a few hours. It is not kept.</source>
        <translation>本人密码：由服务器核验，登录后数小时内有效；密码不会保存。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Warnings</source>
        <translation>预警(&amp;W)</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>今日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Clerks</source>
        <translation>人员(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Matters</source>
        <translation>事项(&amp;M)</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a hall server: the desk shows the hall from there.</source>
        <translation>本工作台未注册到大厅服务器：监察台的数据来自服务器。</translation>
    </message>
    <message>
        <source>Type your password and press Enter to fetch the hall from the server.</source>
        <translation>输入密码并按回车，从服务器获取全大厅数据。</translation>
    </message>
    <message>
        <source>Type your password first: the server signs you in with it.</source>
        <translation>请先输入密码：服务器凭此为您登录。</translation>
    </message>
    <message>
        <source>The server did not sign you in: %1</source>
        <translation>服务器未予登录：%1</translation>
    </message>
    <message>
        <source>The server could not be reached (%1); no copy of the desk is kept here yet.</source>
        <translation>无法连接服务器（%1）；本机尚无监察台数据副本。</translation>
    </message>
    <message>
        <source>Hall-wide from the server, as of %1.</source>
        <translation>全大厅数据，来自服务器，更新于 %1。</translation>
    </message>
    <message>
        <source>Offline: showing the data of %1 (%2 old).</source>
        <translation>离线：显示 %1 的数据（已过 %2）。</translation>
    </message>
    <message>
        <source>Cases decided at the counter from the first of the month; ratings as given to each clerk.</source>
        <translation>本月 1 日起窗口作出决定的办件；评价按经办人统计。</translation>
    </message>
    <message>
        <source>The last twelve months: the top 100 matters are high-frequency, 101–400 middle, the rest low.</source>
        <translation>近十二个月：办件量前 100 位的事项为高频，第 101–400 位为中频，其余为低频。</translation>
    </message>
    <message>
        <source>Sign-&amp;in password:</source>
        <translation>登录密码(&amp;I)：</translation>
    </message>
    <message>
        <source>Ran&amp;king and grades</source>
        <translation>积分排名与考级(&amp;K)</translation>
    </message>
    <message>
        <source>Clerks %1</source>
        <translation>人员 %1</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Correction notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Correction share</source>
        <translation>告知占比</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Refusal share</source>
        <translation>不予受理占比</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>Matters %1</source>
        <translation>事项 %1</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Matter code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频度</translation>
    </message>
    <message>
        <source>Points %1</source>
        <translation>积分 %1</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Qualified matters</source>
        <translation>可办事项数</translation>
    </message>
    <message>
        <source>Call to receipt (min)</source>
        <translation>叫号至受理（分钟）</translation>
    </message>
    <message>
        <source>Enter or a double-click on a clerk shows the items that make the points, and corrects them.</source>
        <translation>在人员上按回车或双击，可查看其积分明细并更正积分。</translation>
    </message>
    <message>
        <source>Sign in again (your password, Enter) to see a clerk&apos;s items.</source>
        <translation>请重新登录（输入密码后按回车），再查看人员的积分明细。</translation>
    </message>
    <message>
        <source>Mon&amp;th:</source>
        <translation>月份(&amp;T)：</translation>
    </message>
    <message>
        <source>Sign in again (your password, Enter) to see another month.</source>
        <translation>请重新登录（输入密码后按回车），再查看其他月份。</translation>
    </message>
    <message>
        <source>The ranking as it was fetched; sign in to fetch it anew and to drill down.</source>
        <translation>此为当时取得的排名；登录后可重新获取并查看明细。</translation>
    </message>
    <message>
        <source>Offline: the ranking of %1 as fetched %2 (%3 old).</source>
        <translation>离线：%1 的排名，取自 %2（已过 %3）。</translation>
    </message>
    <message>
        <source>Questions recorded</source>
        <translation>问答记录</translation>
    </message>
    <message>
        <source>Comp&amp;laints…</source>
        <translation>投诉处理(&amp;L)…</translation>
    </message>
    <message>
        <source>Undelivered p&amp;ushes…</source>
        <translation>推送失败(&amp;U)…</translation>
    </message>
    <message>
        <source>Pushes to department systems that were given up (推送失败)</source>
        <translation>未能送达部门业务系统的推送（推送失败）</translation>
    </message>
</context>
<context>
    <name>ow::ui::SupplementPage</name>
    <message>
        <source>← Case</source>
        <translation>← 返回办件</translation>
    </message>
    <message>
        <source>Back to the case without recording (Esc)</source>
        <translation>不登记，返回办件（Esc）</translation>
    </message>
    <message>
        <source>S&amp;can the selected material  F6</source>
        <translation>扫描所选材料(&amp;C)  F6</translation>
    </message>
    <message>
        <source>Photograph what the applicant handed in with the document camera</source>
        <translation>用高拍仪拍摄申请人补交的材料</translation>
    </message>
    <message>
        <source>&amp;Record the hand-in and print the receipt</source>
        <translation>登记补交并打印凭证(&amp;R)</translation>
    </message>
    <message>
        <source>Store what was handed in and print the supplement receipt (Ctrl+Shift+Enter)</source>
        <translation>保存补交的材料并打印补齐补正材料收件凭证（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>Check each material handed in like at intake: R received, its review points met; F6 scans it. What is not handed in now stays awaited.</source>
        <translation>像收件时一样核验补交的每份材料：R 已收，审查要点符合；F6 扫描。本次未交的材料仍为待补。</translation>
    </message>
    <message>
        <source>Supplement · case %1</source>
        <translation>补齐补正 · 办件 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n material(s) awaited</source>
        <translation>
            <numerusform>%1 · 待补材料 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source> · due %1</source>
        <translation> · 期限 %1</translation>
    </message>
    <message>
        <source>Recorded as “%1”.</source>
        <translation>已登记为“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached; they are stored with the hand-in.</source>
        <translation>
            <numerusform>已附 %n 个文件，随本次补交一并保存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ow::ui::SyncStatusIndicator</name>
    <message>
        <source>Connection to the server</source>
        <translation>与服务器的连接</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n event(s) waiting</source>
        <translation>
            <numerusform>%1 · %n 个事件待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to the central server.</source>
        <translation>已连接中心服务器。</translation>
    </message>
    <message>
        <source>The central server cannot be reached; cases are kept here and sent later.</source>
        <translation>无法连接中心服务器；办件暂存本机，稍后发送。</translation>
    </message>
    <message>
        <source>Scans waiting: %1</source>
        <translation>待上传扫描件：%1</translation>
    </message>
    <message>
        <source>Click for the scans that cannot be read.</source>
        <translation>点击查看无法读取的扫描件。</translation>
    </message>
</context>
<context>
    <name>ow::ui::TransferPage</name>
    <message>
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>Transfer lists</source>
        <translation>移交清单</translation>
    </message>
    <message>
        <source>Scan the transfer list&apos;s QR code, then the label of each folder handed over.</source>
        <translation>先扫移交清单的二维码，再逐件扫描交来案卷的标签。</translation>
    </message>
    <message>
        <source>The paper of the cases accepted here goes to each department at its handover slot.</source>
        <translation>本窗口受理办件的纸质材料按交接时段移交各部门。</translation>
    </message>
    <message>
        <source>Transfer lists of the hall; lists not confirmed after their day are in red.</source>
        <translation>本大厅的移交清单；当日未确认的清单以红色标出。</translation>
    </message>
    <message>
        <source>Scan or type the list&apos;s code, then each folder label</source>
        <translation>扫描或输入清单编号，再逐件扫描案卷标签</translation>
    </message>
    <message>
        <source>Scan or type a transfer list&apos;s code to open it</source>
        <translation>扫描或输入移交清单编号以打开清单</translation>
    </message>
    <message>
        <source>Paper waiting</source>
        <translation>待移交材料</translation>
    </message>
    <message>
        <source>Today&apos;s lists</source>
        <translation>今日清单</translation>
    </message>
    <message>
        <source>Not confirmed by the end of their day</source>
        <translation>当日未确认的清单</translation>
    </message>
    <message>
        <source>Transfer list</source>
        <translation>移交清单</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>&amp;Make the list</source>
        <translation>生成清单(&amp;M)</translation>
    </message>
    <message>
        <source>Put the waiting folders on the list of this handover slot and print it</source>
        <translation>将待移交案卷列入本交接时段的清单并打印</translation>
    </message>
    <message>
        <source>Print the &amp;list</source>
        <translation>打印清单(&amp;L)</translation>
    </message>
    <message>
        <source>Folder la&amp;bels</source>
        <translation>案卷标签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Confirm the handover</source>
        <translation>确认交接(&amp;C)</translation>
    </message>
    <message>
        <source>Folders not scanned are recorded as missing</source>
        <translation>未扫描的案卷记为缺少</translation>
    </message>
    <message>
        <source>← Transfer lists</source>
        <translation>← 移交清单</translation>
    </message>
    <message>
        <source>Back to the transfer lists (Esc)</source>
        <translation>返回移交清单（Esc）</translation>
    </message>
    <message>
        <source>Waiting for a transfer list&apos;s QR code.</source>
        <translation>请扫描移交清单的二维码。</translation>
    </message>
    <message>
        <source>Choose a department with paper waiting.</source>
        <translation>请选择有待移交材料的部门。</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>confirmed, flagged</source>
        <translation>已确认，有异常</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 · %3
%n folder(s), %4</source>
        <translation>
            <numerusform>%1 %2 · %3
案卷%n件，%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) waiting</source>
        <translation>
            <numerusform>待移交案卷%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>No paper is waiting.</source>
        <translation>暂无待移交材料。</translation>
    </message>
    <message>
        <source>No list today yet.</source>
        <translation>今日尚无清单。</translation>
    </message>
    <message>
        <source>Made by %1; the department has not confirmed it.</source>
        <translation>由%1生成，部门尚未确认。</translation>
    </message>
    <message>
        <source>Every list is confirmed.</source>
        <translation>清单均已确认。</translation>
    </message>
    <message>
        <source>Check the folders, then make the list for the %1 handover.</source>
        <translation>请核对案卷，然后生成%1交接的清单。</translation>
    </message>
    <message numerus="yes">
        <source>Transfer list made: %n folder(s) for %1. Print it and the folder labels.</source>
        <translation>
            <numerusform>移交清单已生成：移交%1案卷%n件。请打印清单和案卷标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>The document cannot be made: %1</source>
        <translation>无法生成文书：%1</translation>
    </message>
    <message>
        <source>Transfer list for %1: print it; the receiver signs it.</source>
        <translation>移交%1的清单：请打印，由接收人签字。</translation>
    </message>
    <message>
        <source>Folder labels: cut them apart and stick one on each folder.</source>
        <translation>案卷标签：裁开后每件案卷贴一张。</translation>
    </message>
    <message numerus="yes">
        <source>List for %1: scan the label of each folder handed over (%n folder(s) on it).</source>
        <translation>
            <numerusform>移交%1的清单：请逐件扫描交来案卷的标签（清单共%n件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>This list was confirmed by %1 on %2.</source>
        <translation>该清单已由%1于%2确认。</translation>
    </message>
    <message>
        <source>This list is waiting for the department&apos;s confirmation.</source>
        <translation>该清单待部门确认。</translation>
    </message>
    <message>
        <source>Scan the transfer list&apos;s QR code first, then the folder labels.</source>
        <translation>请先扫描移交清单的二维码，再扫描案卷标签。</translation>
    </message>
    <message>
        <source>“%1” is not the code of a transfer list.</source>
        <translation>“%1”不是移交清单的编号。</translation>
    </message>
    <message numerus="yes">
        <source>Folder %1 received; %n still to scan.</source>
        <translation>
            <numerusform>案卷%1已接收，还有%n件待扫描。</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder %1 was scanned already.</source>
        <translation>案卷%1已扫描过。</translation>
    </message>
    <message>
        <source>Folder %1 is not on this list: it is recorded as extra.</source>
        <translation>案卷%1不在本清单上，记为多出。</translation>
    </message>
    <message numerus="yes">
        <source>Handover confirmed: %n folder(s) received.</source>
        <translation>
            <numerusform>交接已确认：接收案卷%n件。</numerusform>
        </translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>extra: %1</source>
        <translation>多出：%1</translation>
    </message>
    <message numerus="yes">
        <source>Handover confirmed with %n folder(s) received and flagged — %1.</source>
        <translation>
            <numerusform>交接已确认，接收案卷%n件，异常已标记——%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No list is open.</source>
        <translation>未打开清单。</translation>
    </message>
    <message>
        <source>Transfer list · %1 · %2</source>
        <translation>移交清单 · %1 · %2</translation>
    </message>
    <message>
        <source>Not made yet: these folders wait for the list of %1.</source>
        <translation>尚未生成：以下案卷等待列入%1的清单。</translation>
    </message>
    <message numerus="yes">
        <source>List %1, made by %2; %n folder(s), %3 pages.</source>
        <translation>
            <numerusform>清单 %1，由%2生成；案卷%n件，共%3页。</numerusform>
        </translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>on the list</source>
        <translation>已列入清单</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待移交</translation>
    </message>
    <message>
        <source>extra, not on the list</source>
        <translation>多出，不在清单上</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s): %1 original, %2 copy</source>
        <translation>
            <numerusform>材料%n项：原件%1，复印件%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a list to see its folders; scan its code or choose it on the left.</source>
        <translation>扫描清单编号或在左侧选择清单，即可查看其案卷。</translation>
    </message>
</context>
<context>
    <name>ow::ui::WithdrawalDialog</name>
    <message>
        <source>Withdraw the application</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Withdraw case %1?</source>
        <translation>撤回办件 %1？</translation>
    </message>
    <message>
        <source>The case is closed at the applicant&apos;s request and its department is told to stop its review. A withdrawn application cannot be taken up again: to go on later, the applicant applies anew.</source>
        <translation>申请撤回后办件即办结，并通知承办部门停止审查。已撤回的申请不能恢复办理；如日后仍需办理，申请人须重新申请。</translation>
    </message>
    <message>
        <source>The &amp;applicant</source>
        <translation>申请人本人(&amp;A)</translation>
    </message>
    <message>
        <source>An a&amp;gent</source>
        <translation>委托代理人(&amp;G)</translation>
    </message>
    <message>
        <source>As the applicant states it, e.g. applied elsewhere, plan given up</source>
        <translation>按申请人所述填写，如已另行申请、不再办理等</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>撤回理由(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Withdraw the application</source>
        <translation>撤回申请(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the reason the applicant gives.</source>
        <translation>请填写申请人所述的撤回理由。</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s name.</source>
        <translation>请填写委托代理人的姓名。</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s name.</source>
        <translation>请填写申请人的姓名。</translation>
    </message>
</context>
<context>
    <name>ow::ui::WorkstationDevices</name>
    <message>
        <source>Case %1 was not rated: %2</source>
        <translation>办件 %1 未获评价：%2</translation>
    </message>
    <message>
        <source>No ID card reader is connected to this workstation; type the applicant&apos;s details.</source>
        <translation>本工作站未连接身份证读卡器；请手工录入申请人信息。</translation>
    </message>
    <message>
        <source>Place the applicant&apos;s ID card on the reader.</source>
        <translation>请将申请人的身份证放在读卡器上。</translation>
    </message>
    <message>
        <source>The applicant&apos;s details were read from the ID card.</source>
        <translation>已从身份证读取申请人信息。</translation>
    </message>
    <message>
        <source>Scanned %1: open the pickup page (Ctrl+Shift+K) to look a case up.</source>
        <translation>已扫描 %1：请打开出件窗口（Ctrl+Shift+K）查找办件。</translation>
    </message>
    <message>
        <source>No document camera is connected to this workstation; import the scanned file instead.</source>
        <translation>本工作站未连接高拍仪；请改为导入扫描文件。</translation>
    </message>
    <message>
        <source>The rating of case %1 could not be recorded: %2</source>
        <translation>无法记录办件 %1 的评价：%2</translation>
    </message>
    <message>
        <source>Case %1 rated &quot;%2&quot;: a bad rating, to be followed up within one working day.</source>
        <translation>办件 %1 评价为“%2”：差评，须在一个工作日内回访整改。</translation>
    </message>
    <message>
        <source>Case %1 rated &quot;%2&quot;.</source>
        <translation>办件 %1 评价为“%2”。</translation>
    </message>
    <message>
        <source>No receipt printer is set up at this counter: print the document on paper instead.</source>
        <translation>本窗口未设置凭条打印机：请改用纸质文书打印。</translation>
    </message>
    <message>
        <source>The receipt printer did not take the receipt.</source>
        <translation>凭条打印机未能打印该凭条。</translation>
    </message>
    <message>
        <source>The receipt was sent to the receipt printer.</source>
        <translation>凭条已发送到凭条打印机。</translation>
    </message>
    <message>
        <source>This workstation was started without device settings.</source>
        <translation>本工作站启动时未加载设备设置。</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Devices…</source>
        <translation>设备(&amp;D)…</translation>
    </message>
</context>
</TS>
