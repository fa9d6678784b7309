<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <location filename="../../reader/gui/compare_view.py" line="77" />
        <source>Add Pane</source>
        <translation>增加一栏</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="78" />
        <source>Add a pane (up to four speeches side by side)</source>
        <translation>增加一栏（最多四篇并排）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="79" />
        <source>Scroll in Step</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="81" />
        <source>Scrolling one speech moves the others section by section</source>
        <translation>滚动一篇时，其他讲话逐节跟随</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="82" />
        <source>Show Stock Formulae</source>
        <translation>显示套话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="84" />
        <source>Also highlight phrases that most speeches of the corpus repeat</source>
        <translation>同时标出文库中多数讲话都重复的套话提法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="85" />
        <source>Previous Shared Passage</source>
        <translation>上一处相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="87" />
        <source>Next Shared Passage</source>
        <translation>下一处相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="89" />
        <source>Diff Section</source>
        <translation>逐字比对本节</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="91" />
        <source>Show exactly what changed between the current section and its counterpart</source>
        <translation>逐字显示本节与对应章节的增删改动</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="96" />
        <source> chars</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="97" />
        <source>Shortest shared passage to highlight</source>
        <translation>标出的相同表述最短字数</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="104" />
        <source> Min. length </source>
        <translation> 最短 </translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="138" />
        <source>Finding shared passages…</source>
        <translation>正在查找相同表述…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="234" />
        <source>  %1 distinctive, %2 stock passages shared with the left speech</source>
        <translation>  与左侧讲话相同：特有 %1 处，套话 %2 处</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="299" />
        <source>Align with the Sections Selected in the Other Panes</source>
        <translation>与其他栏中选定的章节对齐</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="346" />
        <source>Distinctive reuse</source>
        <translation>特有的相同表述</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="346" />
        <source>Stock formula</source>
        <translation>套话提法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="348" />
        <source> (near-verbatim, %1% alike)</source>
        <translation>（近似，相似度 %1%）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="351" />
        <source>Also in: %1</source>
        <translation>亦见于：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/compare_view.py" line="354" />
        <source>Occurs in %1 of %2 speeches of the library</source>
        <translation>文库 %2 篇讲话中有 %1 篇使用</translation>
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
        <location filename="../../reader/gui/document_dialog.py" line="20" />
        <source>Speech Details</source>
        <translation>讲话信息</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="24" />
        <source>e.g. 2022, 2022-08 or 2022-08-04</source>
        <translation>如 2022、2022-08 或 2022-08-04</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="32" />
        <source>Remove web-page junk (site names, source lines, repeated titles)</source>
        <translation>去除网页杂项（网站名、来源行、重复标题）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="37" />
        <source>Nothing was removed.</source>
        <translation>未去除任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="42" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="43" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="44" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="45" />
        <source>Speaker</source>
        <translation>讲话人</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="46" />
        <source>Source</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="47" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../reader/gui/document_dialog.py" line="49" />
        <source>Removed</source>
        <translation>已去除</translation>
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
        <location filename="../../reader/gui/library_pane.py" line="162" />
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="163" />
        <source>Details…</source>
        <translation>信息…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="165" />
        <source>Compare Side by Side</source>
        <translation>并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_pane.py" line="167" />
        <source>Remove from Library…</source>
        <translation>从文库中移除…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="34" />
        <source>Duidu — speeches side by side</source>
        <translation>对读 — 讲话并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="67" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="75" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="76" />
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="78" />
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="79" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="86" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="87" />
        <source>&amp;Compare Selected Speeches</source>
        <translation>对照选中的讲话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="89" />
        <source>Show the speeches selected in the library side by side</source>
        <translation>将文库中选中的讲话并排对照</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="90" />
        <source>&amp;Read Selected Speech</source>
        <translation>阅读选中的讲话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="94" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="96" />
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="100" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="101" />
        <source>&amp;About Duidu</source>
        <translation>关于对读(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="107" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="134" />
        <source>%n speech(es) in the library</source>
        <translation>
            <numerusform>文库中共有 %n 篇讲话</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="188" />
        <source>Speech Details</source>
        <translation>讲话信息</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="200" />
        <source>Remove from Library</source>
        <translation>从文库中移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/gui/main_window.py" line="201" />
        <source>Remove %n speech(es) from the library, with their tagged excerpts?</source>
        <translation>
            <numerusform>从文库中移除 %n 篇讲话及其标注摘录？</numerusform></translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="228" />
        <source>Updating the shared-phrasing index…</source>
        <translation>正在更新相同表述索引…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="229" />
        <source>Index up to date</source>
        <translation>索引已更新</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="237" />
        <source>Import Speeches</source>
        <translation>导入讲话</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="237" />
        <source>Speeches (%1);;All files (*)</source>
        <translation>讲话 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="244" />
        <source>Import a Folder of Speeches</source>
        <translation>导入讲话文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="261" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="278" />
        <source>Adding the sample speeches…</source>
        <translation>正在添加示例讲话…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="296" />
        <source>Imported %1, already in the library %2, failed %3</source>
        <translation>已导入 %1 篇，文库中已有 %2 篇，失败 %3 篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="301" />
        <source>Some files were not imported</source>
        <translation>有些文件未能导入</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="338" />
        <source>About Duidu</source>
        <translation>关于对读</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="339" />
        <source>Duidu (对读) %1
Read Chinese official speeches side by side: outlines, shared phrasing, tagged excerpts.</source>
        <translation>对读 Duidu %1
并排对照阅读讲话稿：提纲、相同表述、摘录标注。</translation>
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
</TS>