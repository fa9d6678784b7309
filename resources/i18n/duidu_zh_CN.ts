<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupNotice</name>
    <message>
        <source>⚠ The last backup failed: recent changes are in no backup</source>
        <translation>⚠ 上次备份失败：最近的改动尚无备份</translation>
    </message>
    <message>
        <source>The library&apos;s backup of %1 failed (%2), so your recent changes are in no backup yet. Free some disk space; Duidu backs up again when you close it or make a large change.</source>
        <translation>文库在 %1 的备份失败（%2），最近的改动尚无备份。请腾出磁盘空间；关闭对读或进行较大改动时会再次备份。</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="67" />
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="75" />
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="79" />
        <source>Change Tag Colour</source>
        <translation>更改标签颜色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="83" />
        <source>Move Tag</source>
        <translation>移动标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="87" />
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="91" />
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="110" />
        <source>Tag Excerpt</source>
        <translation>标注摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="115" />
        <source>Delete Excerpts</source>
        <translation>删除摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="120" />
        <source>Edit Note</source>
        <translation>编辑说明</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="126" />
        <source>Change Tags</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/codebook_editor.py" line="133" />
        <source>Place Excerpt</source>
        <translation>放置摘录</translation>
    </message>
    <message>
        <source>Accept Candidate</source>
        <translation>接受候选</translation>
    </message>
    <message>
        <source>Confirm New Place</source>
        <translation>确认新位置</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../reader/gui/compare_pane.py" line="30" />
        <source>Remove this pane</source>
        <translation>移除此栏</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="94" />
        <source>Add Pane</source>
        <translation>增加一栏</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="95" />
        <source>Add a pane (up to four speeches side by side)</source>
        <translation>增加一栏（最多四篇并排）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="96" />
        <source>Scroll in Step</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="98" />
        <source>Scrolling one speech moves the others section by section</source>
        <translation>滚动一篇时，其他讲话逐节跟随</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="99" />
        <source>Show Stock Formulae</source>
        <translation>显示套话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="101" />
        <source>Also highlight stock formulae: wording national official texts or most speeches of the library repeat</source>
        <translation>同时标出套话提法：全国性公文或文库中多数讲话都重复的表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="102" />
        <source>Previous Shared Passage</source>
        <translation>上一处相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="104" />
        <source>Next Shared Passage</source>
        <translation>下一处相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="106" />
        <source>Sentence by Sentence</source>
        <translation>逐句对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="108" />
        <source>The current section and its counterpart side by side, sentence by sentence, changes marked (Ctrl+D)</source>
        <translation>将本节与对应章节逐句左右对照，标出改动（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="110" />
        <source>Whole Speeches Sentence by Sentence</source>
        <translation>全文逐句对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="112" />
        <source>The two speeches side by side, sentence by sentence (Ctrl+Shift+D)</source>
        <translation>将两篇讲话全文逐句左右对照（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="113" />
        <source> chars</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="114" />
        <source>Shortest shared passage to highlight</source>
        <translation>标出的相同表述最短字数</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="127" />
        <source> Min. length </source>
        <translation> 最短 </translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="160" />
        <source>Finding shared passages…</source>
        <translation>正在查找相同表述…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="263" />
        <source>Left speech, passages shared with the others: %1 distinctive, %2 stock (%3 near-verbatim); %4% of its text</source>
        <translation>左侧讲话：与其他讲话相同的特有表述 %1 处、套话 %2 处（其中近似 %3 处），占全文 %4%</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="269" />
        <source>distinctive reuse</source>
        <translation>特有的相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="270" />
        <source>near-verbatim (dashed)</source>
        <translation>近似（虚线）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="271" />
        <source>stock formula</source>
        <translation>套话提法</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../reader/gui/diff_dialog.py" line="48" />
        <source>Section Diff</source>
        <translation>章节逐字比对</translation>
    </message>
    <message>
        <location filename="../../reader/gui/diff_dialog.py" line="54" />
        <source>%1 — %2
→ %3 — %4</source>
        <translation>%1 — %2
→ %3 — %4</translation>
    </message>
    <message>
        <location filename="../../reader/gui/diff_dialog.py" line="59" />
        <source>Comparing…</source>
        <translation>正在比对…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/diff_dialog.py" line="76" />
        <source>Kept %1 characters, deleted %2, inserted %3</source>
        <translation>保留 %1 字，删除 %2 字，新增 %3 字</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="21" />
        <source>Speech Details</source>
        <translation>讲话信息</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="25" />
        <source>e.g. 2022, 2022-08 or 2022-08-04</source>
        <translation>如 2022、2022-08 或 2022-08-04</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="33" />
        <source>Remove web-page junk (site names, source lines, repeated titles)</source>
        <translation>去除网页杂项（网站名、来源行、重复标题）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="38" />
        <source>Nothing was removed.</source>
        <translation>未去除任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="43" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="44" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="45" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="46" />
        <source>Speaker</source>
        <translation>讲话人</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="47" />
        <source>Published by</source>
        <translation>发布来源</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="47" />
        <source>Source</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="48" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="50" />
        <source>Removed</source>
        <translation>已去除</translation>
    </message>
</context>
<context>
    <name>ExcerptActionsMixin</name>
    <message>
        <location filename="../../reader/gui/excerpt_actions.py" line="22" />
        <source>Excerpts</source>
        <translation>摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_actions.py" line="27" />
        <source>Show &amp;Excerpts</source>
        <translation>显示摘录(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_actions.py" line="93" />
        <source>Select where the excerpt now stands, then choose “Place” again.</source>
        <translation>请选中这条摘录现在所在的文字，再选一次“放到所选文字上”。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_actions.py" line="96" />
        <source>The excerpt was placed.</source>
        <translation>摘录已放置。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_actions.py" line="102" />
        <source>No excerpts to export: tag a passage first.</source>
        <translation>没有可导出的摘录：请先标注一段文字。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_actions.py" line="107" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/excerpt_actions.py" line="115" />
        <source>Copied %n excerpt(s) with citations</source>
        <translation>
            <numerusform>已复制 %n 条摘录（含出处）</numerusform></translation>
    </message>
</context>
<context>
    <name>ExcerptModel</name>
    <message>
        <location filename="../../reader/gui/excerpt_model.py" line="39" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_model.py" line="39" />
        <source>Speech</source>
        <translation>讲话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_model.py" line="39" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_model.py" line="39" />
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_model.py" line="39" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpt_model.py" line="50" />
        <source>[needs review] </source>
        <translation>【待核对】</translation>
    </message>
    <message>
        <source>[moved] </source>
        <translation>［已移位］</translation>
    </message>
</context>
<context>
    <name>ExcerptsPanel</name>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="85" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="85" />
        <source>New tag (under the selected one)</source>
        <translation>新建标签（在选中标签之下）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="86" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="87" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="88" />
        <location filename="../../reader/gui/excerpts_panel.py" line="121" />
        <location filename="../../reader/gui/excerpts_panel.py" line="352" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="99" />
        <source>Words…</source>
        <translation>文字…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="100" />
        <source>Needs review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="117" />
        <location filename="../../reader/gui/excerpts_panel.py" line="351" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="117" />
        <source>Copy the excerpts with their citations</source>
        <translation>复制摘录及其出处</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="119" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="119" />
        <source>Export the excerpts listed here</source>
        <translation>导出此处列出的摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="182" />
        <source>All excerpts</source>
        <translation>全部摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="204" />
        <source>All speeches</source>
        <translation>全部讲话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="253" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="263" />
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="263" />
        <location filename="../../reader/gui/excerpts_panel.py" line="271" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="271" />
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="283" />
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/excerpts_panel.py" line="294" />
        <source>Delete the tag “%1”? %n excerpt(s) will lose it (the excerpts stay).</source>
        <translation>
            <numerusform>删除标签“%1”？将有 %n 条摘录失去此标签（摘录本身保留）。</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="295" />
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/excerpts_panel.py" line="303" />
        <source>Merge “%1” into “%2”? %n excerpt(s) move.</source>
        <translation>
            <numerusform>将“%1”合并到“%2”？将移动 %n 条摘录。</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="304" />
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="313" />
        <source>Move Under</source>
        <translation>移到…之下</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="314" />
        <source>(Top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="315" />
        <source>Merge Into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="320" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="321" />
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="322" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="336" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="336" />
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="346" />
        <source>Show in Context</source>
        <translation>在原文中查看</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="348" />
        <source>Place on the Selected Text</source>
        <translation>放到所选文字上</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="349" />
        <source>Drop This Excerpt</source>
        <translation>舍弃此摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/excerpts_panel.py" line="350" />
        <source>Edit Note…</source>
        <translation>编辑说明…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>核对…</translation>
    </message>
    <message>
        <source>Confirm New Place</source>
        <translation>确认新位置</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="47" />
        <location filename="../../reader/gui/export_dialog.py" line="73" />
        <location filename="../../reader/gui/export_dialog.py" line="89" />
        <source>Export Excerpts</source>
        <translation>导出摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="50" />
        <source>Word document (.docx)</source>
        <translation>Word 文档（.docx）</translation>
    </message>
    <message>
        <source>Cite sections with their headings</source>
        <translation>出处写出各级标题（二、… / （三）…）</translation>
    </message>
    <message>
        <source>Citations name each section by its headings, not only by its numbers</source>
        <translation>出处写出各级标题（二、… / （三）…），而不只是序号（二、（三））</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="51" />
        <source>Text for Word (.txt)</source>
        <translation>文本（.txt，适合 Word）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="51" />
        <source>Spreadsheet (.csv)</source>
        <translation>表格（.csv）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="52" />
        <source>By tag</source>
        <translation>按标签</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="52" />
        <source>By speech</source>
        <translation>按讲话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="53" />
        <source>Plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="53" />
        <source>Official document (GB/T 9704)</source>
        <translation>公文格式（GB/T 9704）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/export_dialog.py" line="57" />
        <source>%n excerpt(s)</source>
        <translation>
            <numerusform>%n 条摘录</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="58" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="59" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="60" />
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="91" />
        <source>Choose another file or close the document that holds it.</source>
        <translation>请另选一个文件，或先关闭占用它的文档。</translation>
    </message>
    <message>
        <source>Export them marked “needs review”</source>
        <translation>导出并标注“待核对”</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>不导出</translation>
    </message>
    <message numerus="yes">
        <source>%n under review</source>
        <translation>
            <numerusform>%n 条待核对</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="25" />
        <source>Find in this speech</source>
        <translation>在本篇中查找</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="29" />
        <source>Previous (Shift+Enter)</source>
        <translation>上一处（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/find_bar.py" line="30" />
        <source>Next (Enter)</source>
        <translation>下一处（Enter）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/find_bar.py" line="67" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处</numerusform></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../reader/gui/guide_dialog.py" line="27" />
        <source>Duidu Guide</source>
        <translation>对读使用指南</translation>
    </message>
    <message>
        <location filename="../../reader/gui/guide_dialog.py" line="32" />
        <source>en</source>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>HitTree</name>
    <message>
        <location filename="../../reader/gui/hit_list.py" line="25" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../reader/gui/hit_list.py" line="25" />
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/hit_list.py" line="35" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处</numerusform></translation>
    </message>
</context>
<context>
    <name>LibraryActionsMixin</name>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="50" />
        <source>Speech Details</source>
        <translation>讲话信息</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="62" />
        <source>Remove from Library</source>
        <translation>从文库中移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/library_actions.py" line="63" />
        <source>Remove %n speech(es) from the library, with their tagged excerpts?</source>
        <translation>
            <numerusform>从文库中移除 %n 篇讲话及其标注摘录？</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="83" />
        <source>Updating the shared-phrasing index…</source>
        <translation>正在更新相同表述索引…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="84" />
        <source>Index up to date</source>
        <translation>索引已更新</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="92" />
        <source>Import Speeches</source>
        <translation>导入讲话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="92" />
        <source>Speeches (%1);;All files (*)</source>
        <translation>讲话 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="99" />
        <source>Import a Folder of Speeches</source>
        <translation>导入讲话文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="111" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="123" />
        <source>Adding the sample speeches…</source>
        <translation>正在添加示例讲话…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="141" />
        <source>Imported %1, already in the library %2, failed %3</source>
        <translation>已导入 %1 篇，文库中已有 %2 篇，失败 %3 篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="146" />
        <source>Some files were not imported</source>
        <translation>有些文件未能导入</translation>
    </message>
    <message>
        <source>Use this encoding anyway? The current text is kept among the speech's versions.</source>
        <translation>仍然使用此编码吗？当前文本会保留在该讲话的历史版本中。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="43" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="43" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="43" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="43" />
        <source>Length</source>
        <translation>字数</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="108" />
        <source>Filter by title, date, place…</source>
        <translation>按标题、日期、地点筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="164" />
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="165" />
        <source>Details…</source>
        <translation>信息…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="167" />
        <source>Compare Side by Side</source>
        <translation>并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="169" />
        <source>Remove from Library…</source>
        <translation>从文库中移除…</translation>
    </message>
    <message>
        <source>Import New Version…</source>
        <translation>导入新版本…</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>历史版本…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="35" />
        <source>Duidu — speeches side by side</source>
        <translation>对读 — 讲话并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="54" />
        <source>Read-only: another copy of Duidu is using this library. You can read, compare and export; to import or tag, close the other copy and restart.</source>
        <translation>只读：另一个对读程序正在使用这个文库。您可以阅读、对照和导出；如需导入或标注，请关闭另一个程序后重新启动。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="86" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="256" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="257" />
        <source>The new language or library folder takes effect when Duidu starts again.</source>
        <translation>新的界面语言或文库文件夹将在下次启动对读时生效。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="98" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="138" />
        <source>%n speech(es) in the library</source>
        <translation>
            <numerusform>文库中共有 %n 篇讲话</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="323" />
        <source>About Duidu</source>
        <translation>关于对读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="324" />
        <source>Duidu (对读) %1
Read Chinese official speeches side by side: outlines, shared phrasing, tagged excerpts.</source>
        <translation>对读 Duidu %1
并排对照阅读讲话稿：提纲、相同表述、摘录标注。</translation>
    </message>
    <message>
        <source>Choose File ▸ Restore from Backup… to bring back the last good backup.</source>
        <translation>请选择“文件 ▸ 从备份恢复…”恢复最近的完好备份。</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../reader/gui/outline_model.py" line="16" />
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <location filename="../../reader/gui/outline_model.py" line="18" />
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="306" />
        <source>(national formula) %1</source>
        <translation>（全国性提法）%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="97" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="108" />
        <source>Related speeches together</source>
        <translation>相近的讲话排在一起</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="108" />
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="109" />
        <source>By place</source>
        <translation>按地点</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="112" />
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="120" />
        <source>Order:</source>
        <translation>排列：</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="126" />
        <source>Similarity Map</source>
        <translation>相似度图</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/overview_view.py" line="148" />
        <source>%n speech(es).</source>
        <translation>
            <numerusform>共 %n 篇讲话。</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="152" />
        <source>Closest pair: %1 — %2</source>
        <translation>最相近的一对：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="164" />
        <source>No distinctive reuse</source>
        <translation>没有特有的相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="168" />
        <source>Distinctive reuse: %1‰ of the shorter speech</source>
        <translation>特有的相同表述：占较短一篇的 %1‰</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="169" />
        <source>%1 shared passages, %2 characters; click to compare</source>
        <translation>相同段落 %1 处，共 %2 字；点击即可对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="175" />
        <source>Save the Map</source>
        <translation>保存相似度图</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="196" />
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="229" />
        <source>Shared Phrases</source>
        <translation>共有表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="230" />
        <source>Phrase</source>
        <translation>表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="230" />
        <location filename="../../reader/gui/overview_view.py" line="284" />
        <source>Speeches</source>
        <translation>讲话数</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="230" />
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="230" />
        <source>First use</source>
        <translation>最早使用</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="231" />
        <source>Last use</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="233" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="233" />
        <source>Stock formulae</source>
        <translation>套话提法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="234" />
        <source>Distinctive</source>
        <translation>特有</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="236" />
        <source>in ≥ </source>
        <translation>至少 </translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="265" />
        <source>stock</source>
        <translation>套话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="265" />
        <source>distinctive</source>
        <translation>特有</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/overview_view.py" line="270" />
        <source>%n shared phrase(s)</source>
        <translation>
            <numerusform>共有表述 %n 条</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="283" />
        <source>Formulae</source>
        <translation>提法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="284" />
        <source>Formula</source>
        <translation>提法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="284" />
        <source>Uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="285" />
        <source>Defined as</source>
        <translation>定义</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/overview_view.py" line="304" />
        <source>%n formula(e)</source>
        <translation>
            <numerusform>提法 %n 条</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_view.py" line="322" />
        <location filename="../../reader/gui/overview_view.py" line="328" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Point at a cell to name the pair; click it to compare them.</source>
        <translation>鼠标指向方格可显示是哪两篇讲话；单击即可对照阅读。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="20" />
        <source>The Library Cannot Be Opened</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="34" />
        <source>Restore the Selected Backup</source>
        <translation>恢复所选的备份</translation>
    </message>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="36" />
        <source>Start a New Library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="37" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="45" />
        <source>Whatever you choose, the current file is kept beside the library (renamed library-damaged-…), never overwritten.</source>
        <translation>无论选择哪一项，当前的文库文件都会保留在原处（改名为 library-damaged-…），绝不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/recovery_dialog.py" line="51" />
        <source>Automatic backups:</source>
        <translation>自动备份：</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>✓ %1 speeches, %2 excerpts</source>
        <translation>✓ %1 篇讲话，%2 条摘录</translation>
    </message>
    <message>
        <source>✗ damaged, cannot be restored</source>
        <translation>✗ 已损坏，无法恢复</translation>
    </message>
    <message>
        <source>Waiting for the background backup of the library to finish…</source>
        <translation>正在等待文库的后台备份完成……</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>ReviewActionsMixin</name>
    <message>
        <source>Import &amp;New Version of Speech…</source>
        <translation>导入讲话新版本(&amp;N)…</translation>
    </message>
    <message>
        <source>Speech &amp;Versions…</source>
        <translation>讲话历史版本(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message numerus="yes">
        <source>%n excerpt(s) need review</source>
        <translation>
            <numerusform>%n 条摘录待核对</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a speech in the library first.</source>
        <translation>请先在文库中选择一篇讲话。</translation>
    </message>
    <message>
        <source>New Version of “%1”</source>
        <translation>“%1”的新版本</translation>
    </message>
    <message>
        <source>Speeches (%1);;All files (*)</source>
        <translation>讲话 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing the new version…</source>
        <translation>正在导入新版本…</translation>
    </message>
    <message>
        <source>Going back to the earlier version…</source>
        <translation>正在恢复旧版本…</translation>
    </message>
    <message>
        <source>Excerpts: %1 stayed, %2 moved, %3 need review</source>
        <translation>摘录：%1 条原位保留，%2 条已移位，%3 条待核对</translation>
    </message>
    <message>
        <source>Excerpts After the New Text</source>
        <translation>新文本下的摘录</translation>
    </message>
    <message>
        <source>Excerpts that need review keep their quote until you decide: right-click one and choose “Review…”. Moved excerpts are marked [moved] until you confirm their new place.</source>
        <translation>待核对的摘录在您决定之前保持原引文不变：右键单击并选择“核对…”。已移位的摘录标有［已移位］，直到您确认其新位置。</translation>
    </message>
    <message>
        <source>The backup was restored (the previous file is kept beside the library). Duidu closes now; start it again to use the restored library.</source>
        <translation>备份已恢复（原文件保留在文库旁）。对读现在将关闭，请重新启动以使用恢复后的文库。</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The imported “%1” has the same title and file name as a speech already in the library. Make it the new version of that speech? Its excerpts are re-anchored and its old text is kept in its versions.</source>
        <translation>导入的“%1”与文库中已有讲话的标题和文件名相同。是否将其作为该讲话的新版本？其摘录将重新定位，旧文本保留在历史版本中。</translation>
    </message>
    <message>
        <source>New Version?</source>
        <translation>新版本？</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Excerpt Needs Review</source>
        <translation>摘录待核对</translation>
    </message>
    <message>
        <source>The speech's text changed and this excerpt's words were not found unchanged. Its quote stays as you tagged it until you decide.</source>
        <translation>讲话文本已更改，未能找到与此摘录完全相同的文字。在您决定之前，引文保持标注时的原样。</translation>
    </message>
    <message>
        <source>Tagged quote:</source>
        <translation>标注的引文：</translation>
    </message>
    <message>
        <source>Candidate in the new text (%1% alike): struck out in red what it lacks, underlined in green what it adds:</source>
        <translation>新文本中的候选（相似度 %1%）：红色删除线为其缺少的文字，绿色下划线为其新增的文字：</translation>
    </message>
    <message>
        <source>Accept the Candidate</source>
        <translation>接受候选</translation>
    </message>
    <message>
        <source>Nothing like it was found in the new text.</source>
        <translation>新文本中没有找到相近的文字。</translation>
    </message>
    <message>
        <source>Place by Hand…</source>
        <translation>手动定位…</translation>
    </message>
    <message>
        <source>Drop the Excerpt</source>
        <translation>删除此摘录</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>稍后决定</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="20" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="23" />
        <source>Default (the local data folder)</source>
        <translation>默认（本机数据文件夹）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="24" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="31" />
        <location filename="../../reader/gui/settings_dialog.py" line="33" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="33" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="34" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="41" />
        <source>Best Chinese font on this computer</source>
        <translation>本机最合适的中文字体</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="57" />
        <source>Adapt to the library's size</source>
        <translation>随文库规模自动确定</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="59" />
        <source>Plain</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="60" />
        <source>Official document (GB/T 9704)</source>
        <translation>公文格式（GB/T 9704）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="65" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="67" />
        <source>Library folder</source>
        <translation>文库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="68" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="69" />
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="70" />
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="72" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="73" />
        <source>Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="74" />
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="75" />
        <source>Shared phrasing</source>
        <translation>相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="77" />
        <source>Shortest passage (characters)</source>
        <translation>最短字数</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="78" />
        <source>Stock formula when in at least</source>
        <translation>套话：至少出现在文库的</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="86" />
        <source>Stock formula from a score of</source>
        <translation>套话度达到</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="64" />
        <source>0: everything shared is stock; 1: only wording every official text repeats. Scores come from national official texts and your library.</source>
        <translation>0：凡共同文字皆为套话；1：只有所有公文都重复的表述才算。套话度依据全国性公文和您的文库计算。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="79" />
        <source>Export to Word</source>
        <translation>导出 Word</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="81" />
        <source>Preset</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="82" />
        <source>Body font</source>
        <translation>正文字体</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="83" />
        <source>Level-one headings</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="84" />
        <source>Level-two headings</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="85" />
        <source>Title font</source>
        <translation>标题字体</translation>
    </message>
    <message>
        <location filename="../../reader/gui/settings_dialog.py" line="93" />
        <source>Library Folder</source>
        <translation>文库文件夹</translation>
    </message>
</context>
<context>
    <name>SpeechTextView</name>
    <message>
        <location filename="../../reader/gui/speech_view.py" line="161" />
        <source>Tag Selection…</source>
        <translation>标注所选文字…</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../reader/gui/tag_dialog.py" line="27" />
        <source>Tag Excerpt</source>
        <translation>标注摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tag_dialog.py" line="41" />
        <source>New tag (optional)</source>
        <translation>新标签（可选）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tag_dialog.py" line="43" />
        <source>Note (optional)</source>
        <translation>说明（可选）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/tag_dialog.py" line="45" />
        <source>Also tag the same passage in the other %n speech(es)</source>
        <translation>
            <numerusform>同时标注其他 %n 篇讲话中的相同段落</numerusform></translation>
    </message>
    <message>
        <source>Tags (tick one or more; tags used last time are in bold):</source>
        <translation>标签（可勾选多个；上次用过的标签以粗体显示）：</translation>
    </message>
    <message>
        <source>Tags (tick one or more):</source>
        <translation>标签（可勾选多个）：</translation>
    </message>
    <message>
        <source>No tags yet: name the first one below (e.g. 城市规划).</source>
        <translation>还没有标签：请在下方输入第一个标签的名称（如“城市规划”）。</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message>
        <location filename="../../reader/gui/tagging.py" line="45" />
        <location filename="../../reader/gui/tagging.py" line="63" />
        <source>Tag Excerpt</source>
        <translation>标注摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/tagging.py" line="46" />
        <source>Import this speech into the library to tag it.</source>
        <translation>请先将这篇讲话导入文库，再进行标注。</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../reader/gui/hit_list.py" line="88" />
        <source>No dated uses</source>
        <translation>没有注明日期的使用</translation>
    </message>
    <message numerus="yes">
        <source> · %n undated speech(es) not shown</source>
        <translation><numerusform> · 另有 %n 篇无日期的讲话未显示</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n use(s)</source>
        <translation><numerusform>使用 %n 次</numerusform></translation>
    </message>
    <message>
        <source>Choose a phrase to see where it was used</source>
        <translation>选择一条表述，查看它在哪些讲话中出现</translation>
    </message>
    <message>
        <source>Order in the library (the speeches have no dates) · height: number of uses</source>
        <translation>文库中的顺序（讲话没有日期）· 高度：使用次数</translation>
    </message>
    <message>
        <source>Speech date · one mark per speech, its height the number of uses</source>
        <translation>讲话日期 · 每篇讲话一条标记，高度为使用次数</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of “%1”</source>
        <translation>“%1”的历史版本</translation>
    </message>
    <message>
        <source>replaced by a new version</source>
        <translation>被新版本替换</translation>
    </message>
    <message>
        <source>decoded again</source>
        <translation>重新解码</translation>
    </message>
    <message>
        <source>cleaned again</source>
        <translation>重新清理</translation>
    </message>
    <message>
        <source>replaced by an earlier version</source>
        <translation>被旧版本替换</translation>
    </message>
    <message>
        <source> · %1 characters</source>
        <translation> · %1 字</translation>
    </message>
    <message>
        <source>Each time a speech's text was replaced, the text before was kept here.</source>
        <translation>讲话文本每次被替换时，替换前的文本都保存在这里。</translation>
    </message>
    <message>
        <source>This speech has no earlier versions.</source>
        <translation>这篇讲话没有历史版本。</translation>
    </message>
    <message>
        <source>Go Back to This Version</source>
        <translation>恢复到此版本</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../reader/gui/actions.py" line="22" />
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="23" />
        <source>Import speeches (.txt, .docx, .html); you can also drop files on the window</source>
        <translation>导入讲话（.txt、.docx、.html）；也可以把文件拖到窗口上</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="24" />
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="25" />
        <source>&amp;Export Excerpts…</source>
        <translation>导出摘录(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="26" />
        <source>Export the excerpts shown in the excerpts panel to Word, text or CSV</source>
        <translation>将摘录面板中显示的摘录导出为 Word、文本或 CSV</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="27" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="29" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="31" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="32" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="33" />
        <source>&amp;Tag Selection…</source>
        <translation>标注所选文字(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="34" />
        <source>Tag the selected text as an excerpt</source>
        <translation>把选中的文字标注为摘录</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="35" />
        <source>&amp;Read Selected Speech</source>
        <translation>阅读选中的讲话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="36" />
        <source>Read the speech selected in the library</source>
        <translation>阅读文库中选中的讲话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="37" />
        <source>&amp;Compare Selected Speeches</source>
        <translation>对照选中的讲话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="38" />
        <source>Show the speeches selected in the library side by side</source>
        <translation>将文库中选中的讲话并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="39" />
        <source>Corpus &amp;Overview</source>
        <translation>文库总览(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="40" />
        <source>Similarity map, shared phrases, formulae and search over the whole library</source>
        <translation>整个文库的相似度图、共有表述、提法和搜索</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="41" />
        <source>&amp;Search the Library…</source>
        <translation>搜索文库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="42" />
        <source>&amp;Find in Speech…</source>
        <translation>在本篇中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="43" />
        <source>Show &amp;Library</source>
        <translation>显示文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="44" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="45" />
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="46" />
        <source>Duidu &amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="47" />
        <source>&amp;About Duidu</source>
        <translation>关于对读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="49" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="75" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="84" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="89" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/actions.py" line="94" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>SynopticDialog</name>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Synoptic View</source>
        <translation>对照视图</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Sentence by sentence: %1 ↔ %2</source>
        <translation>逐句对照：%1 ↔ %2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Aligning sentences…</source>
        <translation>正在逐句对齐…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Character Diff</source>
        <translation>逐字比对</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>The section's changes as one column of character edits</source>
        <translation>以单栏逐字显示本节的增删改动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Copy Table</source>
        <translation>复制对照表</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Export to Word…</source>
        <translation>导出为 Word…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_dialog.py" line="1" />
        <source>Export to Word</source>
        <translation>导出为 Word</translation>
    </message>
</context>
<context>
    <name>SynopticView</name>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>Ignore Punctuation and Placeholders</source>
        <translation>忽略标点和占位符</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>Treat differences of punctuation and of placeholders (XX, **) as no change</source>
        <translation>标点和占位符（XX、**）的差异不算改动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>Hide Identical Sentences</source>
        <translation>隐藏相同语句</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>Previous Change</source>
        <translation>上一处改动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>Next Change</source>
        <translation>下一处改动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>moved: see row %1</source>
        <translation>已移动：见第 %1 行</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>moved here from row %1</source>
        <translation>由第 %1 行移来</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>Sentences: %1 the same, %2 changed, %3 added, %4 removed, %5 moved</source>
        <translation>相同 %1 句，改动 %2 句，新增 %3 句，删除 %4 句，移动 %5 句</translation>
    </message>
    <message>
        <location filename="../../reader/gui/synoptic_view.py" line="1" />
        <source>; %1 merged or split</source>
        <translation>；合并或拆分 %1 处</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>The library is empty</source>
        <translation>文库是空的</translation>
    </message>
    <message>
        <source>Import speeches (.txt in any Chinese encoding, .docx, saved web pages) with Import Files, or drop files and folders on this window.</source>
        <translation>用“导入文件”导入讲话（任何中文编码的 .txt、.docx、保存的网页），或将文件和文件夹拖到本窗口。</translation>
    </message>
    <message>
        <source>Nothing open yet</source>
        <translation>尚未打开讲话</translation>
    </message>
    <message>
        <source>• Double-click a speech in the library on the left to read it.</source>
        <translation>• 在左侧文库中双击一篇讲话即可阅读。</translation>
    </message>
    <message>
        <source>• Select two to four speeches (Ctrl+click) and choose Compare Selected Speeches to read them side by side, their sections in step and their shared phrasing highlighted.</source>
        <translation>• 选中两至四篇讲话（按住 Ctrl 单击），再选“对照选中的讲话”即可并排阅读：各部分同步对齐，相同表述突出显示。</translation>
    </message>
    <message>
        <source>• Corpus Overview shows which speeches are alike, the phrases they share, and a search of the whole library.</source>
        <translation>• “文库总览”显示哪些讲话相近、它们共有的表述，并可检索整个文库。</translation>
    </message>
    <message>
        <source>• Select text and press Ctrl+T to tag it as an excerpt; export excerpts to Word with their citations.</source>
        <translation>• 选中文字后按 Ctrl+T 即可标注为摘录；摘录可连同出处导出到 Word。</translation>
    </message>
</context>
<context>
    <name>ColourScale</name>
    <message>
        <source>Colour: distinctive reuse, ‰ of the shorter speech found in the other (grey: the speech itself)</source>
        <translation>颜色：特有的相同表述，占较短一篇的千分比（灰色：讲话本身）</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>Words or a phrase, e.g. 新型城镇化</source>
        <translation>词语或短语，如：新型城镇化</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>“%1”: %n hit(s) in %2</source>
        <translation>
            <numerusform>“%1”：在 %2中找到 %n 处</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n speech(es)</source>
        <translation>
            <numerusform>%n 篇讲话</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>“%1”: in %2, counting the matches…</source>
        <translation>“%1”：见于 %2，正在统计出现次数…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>More Results</source>
        <translation>更多结果</translation>
    </message>
    <message>
        <location filename="../../reader/gui/overview_search.py" line="1" />
        <source>List the next speeches holding the words</source>
        <translation>列出其后含有该文字的讲话</translation>
    </message>
</context>
<context>
    <name>PassagesMixin</name>
    <message>
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source>Distinctive reuse</source>
        <translation>特有的相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source>Stock formula</source>
        <translation>套话提法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source> (stock score %1)</source>
        <translation>（套话度 %1）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source> (near-verbatim, %1% alike)</source>
        <translation>（近似，相似度 %1%）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source>Also in: %1</source>
        <translation>亦见于：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source>Occurs in %1 of %2 speeches of the library</source>
        <translation>文库 %2 篇讲话中有 %1 篇使用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/compare_passages.py" line="1" />
        <source>  … and %n more</source>
        <translation>
            <numerusform>  ……另有 %n 篇</numerusform></translation>
    </message>
</context>
<context>
    <name>SectionsMixin</name>
    <message>
        <location filename="../../reader/gui/compare_sections.py" line="1" />
        <source>Align with the Sections Selected in the Other Panes</source>
        <translation>与其他栏中选定的章节对齐</translation>
    </message>
    <message>
        <source>Remove My Alignment of This Section</source>
        <translation>取消我对此章节的对齐</translation>
    </message>
</context>
<context>
    <name>WindowMemoryMixin</name>
    <message>
        <location filename="../../reader/gui/window_memory.py" line="1" />
        <source>No recent speeches</source>
        <translation>没有最近打开的讲话</translation>
    </message>
</context>
</TS>