"""The corpus at a glance: the similarity map, shared phrases, numbered formulae, and search.

Each tab computes its data off the GUI thread the first time it is shown, and again when the
library changes; an activated hit asks the window to open the speech there.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QSplitter, QTableView, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from reader.core.search import SearchHit
from reader.core.store import LibraryError
from reader.gui.heatmap import ColourScale, HeatMap, MapArea
from reader.gui.hit_list import HitTree
from reader.gui.overview_search import SearchTab, dated, status_label
from reader.gui.library_actions import in_own_library
from reader.gui.passage_style import graded_background
from reader.gui.table_sizing import stretch_column
from reader.gui.timeline import TimelineWidget
from reader.gui.workers import Job, JobRunner

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def hits_for(library, occurrences: list[tuple[int, int, int]], context: int = 24) -> list[SearchHit]:
    """SearchHits (with context and section) for (doc_id, start, end) occurrences."""
    from reader.core.outline import path_label, section_path

    ids = list(dict.fromkeys(doc_id for doc_id, _s, _e in occurrences))
    texts, outlines = library.texts(ids), library.outlines(ids)    # outlines as stored at import
    hits = []
    for doc_id, start, end in occurrences:
        if doc_id not in texts:
            continue                       # removed since the occurrences were found
        text = texts[doc_id]
        hits.append(SearchHit(doc_id, start, end, text[max(0, start - context):start], text[start:end],
                              text[end:end + context], path_label(section_path(outlines[doc_id], start))))
    return hits


def grouped(library, hits: list[SearchHit]) -> list[tuple[str, list[SearchHit], int]]:
    """Hits grouped by speech, speeches by date, for a HitTree."""
    infos = {d.id: d for d in library.list_documents()}
    by_doc: dict[int, list[SearchHit]] = {}
    for hit in hits:
        by_doc.setdefault(hit.doc_id, []).append(hit)
    order = sorted(by_doc, key=lambda d: (infos[d].date is None, infos[d].date or "", d))
    return [(dated(infos[d].display_title(), infos[d].date), by_doc[d], len(by_doc[d])) for d in order]


class OverviewView(QTabWidget):
    """Map, phrases, formulae and search over the whole library."""

    open_requested = Signal(int, int, int, list)   # doc id, start, end, all hit spans in that speech
    compare_requested = Signal(list)

    def __init__(self, library, settings, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("overviewView")
        self.library, self.settings, self.jobs = library, settings, jobs
        self._stale = {"map": True, "phrases": True, "formulae": True}
        self._build_map_tab()
        self._build_phrases_tab()
        self._build_formulae_tab()
        self._build_search_tab()
        self.currentChanged.connect(lambda _i: self.refresh_current())

    def library_changed(self) -> None:
        """Everything computed is out of date; recompute what is on screen."""
        self._stale = dict.fromkeys(self._stale, True)
        if self.isVisible():
            self.refresh_current()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_current()

    def refresh_current(self) -> None:
        """Compute the current tab's data if it is stale."""
        name = self.currentWidget().objectName().removesuffix("Tab")
        if self._stale.get(name):
            self._stale[name] = False
            getattr(self, f"compute_{name}")()

    def _run(self, name: str, fn, on_done, label: QLabel) -> Job:
        label.setText(self.tr("Computing…"))
        job = Job(name, in_own_library(self.library.folder, fn, self.library.read_only))
        job.succeeded.connect(on_done)
        job.failed.connect(label.setText)
        return self.jobs.run(job)

    # --- the similarity map ----------------------------------------------------------------

    def _build_map_tab(self) -> None:
        tab = QWidget(objectName="mapTab")
        self.map_order = QComboBox()
        for value, label in (("similarity", self.tr("Related speeches together")), ("date", self.tr("By date")),
                             ("place", self.tr("By place"))):
            self.map_order.addItem(label, value)
        self.map_status = status_label()
        save = QPushButton(self.tr("Save as PNG…"))
        zoom_in, zoom_out = QPushButton("+"), QPushButton("−")
        self.heatmap = HeatMap()
        self.heatmap.describe = self.describe_pair
        self.colour_scale = ColourScale()
        self.map_hover = status_label()
        self.map_hover.setObjectName("mapHover")
        self.map_hover.setTextFormat(Qt.TextFormat.PlainText)
        area = MapArea(self.heatmap)
        bar = QToolBar()   # a toolbar folds its overflow away instead of widening the window
        for widget in (QLabel(self.tr("Order:")), self.map_order, zoom_out, zoom_in, save):
            bar.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addWidget(bar)
        layout.addWidget(self.map_status)
        layout.addWidget(self.colour_scale)
        layout.addWidget(area, 1)
        layout.addWidget(self.map_hover)
        self.addTab(tab, self.tr("Similarity Map"))
        self.map_order.currentIndexChanged.connect(lambda _i: self.compute_map())
        zoom_in.clicked.connect(lambda: self.heatmap.set_cell_size(self.heatmap.cell + 3))
        zoom_out.clicked.connect(lambda: self.heatmap.set_cell_size(self.heatmap.cell - 3))
        save.clicked.connect(self.save_map)
        self.heatmap.pair_clicked.connect(lambda a, b: self.compare_requested.emit([a, b]))
        self.heatmap.hovered.connect(self._show_hovered_pair)

    def compute_map(self) -> Job:
        """The matrix, from the index's cache (updated for new speeches first)."""
        order = self.map_order.currentData()

        def work(library, progress, cancelled):
            from reader.core.library_ops import sync_index
            from reader.core.similarity import similarity_matrix
            if library.read_only:   # the map keeps its figures in the library, which is not ours to write
                raise LibraryError("read_only", library.path)
            sync_index(library, progress, cancelled)
            return similarity_matrix(library, order=order)

        return self._run("map", work, self._show_map, self.map_status)

    def _show_map(self, matrix) -> None:
        self.heatmap.set_matrix(matrix)
        self.colour_scale.set_top(self.heatmap.top)
        self.map_hover.setText(self.tr("Point at a cell to name the pair; click it to compare them."))
        closest = matrix.closest(1)
        text = self.tr("%n speech(es).", "", len(matrix.doc_ids))
        if closest:
            infos = {d.id: d for d in self.library.list_documents()}
            pair = closest[0]
            text += " " + self.tr("Closest pair: %1 — %2").replace("%1", infos[pair.doc_a].display_title()) \
                .replace("%2", infos[pair.doc_b].display_title())
        self.map_status.setText(text)

    def _show_hovered_pair(self, a: int, b: int) -> None:
        """The pair under the mouse, named on one line below the map (the tooltip says more)."""
        self.map_hover.setText(self.describe_pair(a, b).replace("\n", " · "))

    def describe_pair(self, a: int, b: int) -> str:
        """A cell's tooltip: the two speeches, the share of reuse, passages and characters."""
        infos = {d.id: d for d in self.library.list_documents()}
        lines = [infos[a].display_title(), infos[b].display_title()]
        if a == b:
            return "\n".join(lines[:1])
        cell = self.heatmap.matrix.cell(a, b) if self.heatmap.matrix else None
        if cell is None:
            return "\n".join(lines + [self.tr("No distinctive reuse")])
        passages, chars = cell.passages, cell.chars
        if passages is None:
            from reader.core.reuse import ReuseIndex
            from reader.core.similarity import pair_detail
            passages, chars = pair_detail(ReuseIndex(self.library.conn), a, b)
        lines.append(self.tr("Distinctive reuse: %1‰ of the shorter speech").replace("%1", f"{cell.score * 1000:.1f}"))
        lines.append(self.tr("%1 shared passages, %2 characters; click to compare").replace("%1", str(passages))
                     .replace("%2", str(chars)))
        return "\n".join(lines)

    def save_map(self) -> None:
        """Save the whole map (not only the visible part) as PNG."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the Map"), "similarity-map.png", "*.png")
        if path:
            self.heatmap.to_image().save(path if path.lower().endswith(".png") else path + ".png")

    # --- phrases and formulae ----------------------------------------------------------------

    def _table_tab(self, name: str, title: str, headers: list[str]):
        tab = QWidget(objectName=f"{name}Tab")
        model = QStandardItemModel(0, len(headers), self)
        model.setHorizontalHeaderLabels(headers)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        proxy.setFilterKeyColumn(0)
        table = QTableView(objectName=f"{name}Table")
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        stretch_column(table, 0 if name == "phrases" else len(headers) - 1)   # the phrase, or the definition
        filter_box = QLineEdit(placeholderText=self.tr("Filter…"))
        filter_box.setClearButtonEnabled(True)
        filter_box.textChanged.connect(proxy.setFilterFixedString)
        status = status_label()
        hits = HitTree()
        hits.hit_activated.connect(self._open_hit)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(filter_box, 1)
        top_layout.addLayout(row)
        top_layout.addWidget(table)
        top_layout.addWidget(status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(hits)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        self.addTab(tab, title)
        return model, proxy, table, row, status, hits, splitter

    @staticmethod
    def _item(text: str, sort_value=None, data=None) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(text if sort_value is None else sort_value, SORT_ROLE)
        if data is not None:
            item.setData(data, ROW_ROLE)
        return item

    def _build_phrases_tab(self) -> None:
        (self.phrase_model, self.phrase_proxy, self.phrase_table, row, self.phrase_status, self.phrase_hits,
         splitter) = self._table_tab("phrases", self.tr("Shared Phrases"),
                                     [self.tr("Phrase"), self.tr("Speeches"), self.tr("Class"), self.tr("First use"),
                                      self.tr("Last use")])
        self.phrase_class = QComboBox()
        for value, label in ((None, self.tr("All")), ("stock", self.tr("Stock formulae")),
                             ("distinctive", self.tr("Distinctive"))):
            self.phrase_class.addItem(label, value)
        self.phrase_min_df = QSpinBox(minimum=2, maximum=10000, value=2, prefix=self.tr("in ≥ "))
        row.addWidget(self.phrase_class)
        row.addWidget(self.phrase_min_df)
        self.timeline = TimelineWidget()
        splitter.addWidget(self.timeline)
        self.phrase_class.currentIndexChanged.connect(lambda _i: self._fill_phrases())
        self.phrase_min_df.valueChanged.connect(lambda _v: self._fill_phrases())
        self.phrase_table.sortByColumn(1, Qt.SortOrder.DescendingOrder)   # most widespread first
        self.phrase_table.setColumnWidth(0, 320)
        self.phrase_table.selectionModel().currentRowChanged.connect(lambda *_: self._phrase_selected())
        self.phrase_rows = []

    def compute_phrases(self) -> Job:
        """The corpus's shared phrases with their first and last dated use."""
        def work(library, progress, cancelled):
            from reader.core.library_ops import sync_index
            from reader.core.phrase_table import build_rows
            from reader.core.reuse import ReuseIndex
            sync_index(library, progress, cancelled)
            index = ReuseIndex(library.conn)
            return build_rows(index.phrases(min_df=2, progress=progress, cancelled=cancelled),
                              library.document_dates())

        return self._run("phrases", work, self._show_phrases, self.phrase_status)

    def _show_phrases(self, rows) -> None:
        self.phrase_rows = rows
        self._fill_phrases()

    def _fill_phrases(self) -> None:
        cls, min_df = self.phrase_class.currentData(), self.phrase_min_df.value()
        rows = [r for r in self.phrase_rows if r.df >= min_df and (cls is None or r.cls == cls)]
        self.phrase_model.setRowCount(0)
        names = {"stock": self.tr("stock"), "distinctive": self.tr("distinctive")}
        for r in rows:
            graded = self._item(f"{names.get(r.cls, r.cls)} · {r.stock_score:.2f}", r.stock_score)
            graded.setBackground(graded_background(r.stock_score))   # the comparison's colours, graded
            self.phrase_model.appendRow([self._item(r.text, data=r), self._item(str(r.df), r.df), graded,
                                         self._item(r.first_date or "—"),
                                         self._item(r.last_date or "—")])
        self.phrase_table.resizeColumnToContents(2)     # the graded class reads on one line
        self.phrase_status.setText(self.tr("%n shared phrase(s)", "", len(rows)))

    def _phrase_selected(self) -> None:
        index = self.phrase_table.currentIndex()
        row = self.phrase_proxy.index(index.row(), 0).data(ROW_ROLE) if index.isValid() else None
        if row is None:
            return
        from reader.core.phrase_table import phrase_contexts
        from reader.core.reuse import ReuseIndex
        hits = phrase_contexts(ReuseIndex(self.library.conn), row, dates=self.library.document_dates())
        self.phrase_hits.set_hits(grouped(self.library, hits))
        infos = self.library.list_documents()
        self.timeline.set_uses([(date, doc_id, n) for doc_id, date, n in row.uses],
                               {d.id: d.display_title() for d in infos}, [d.id for d in infos])

    def _build_formulae_tab(self) -> None:
        (self.formula_model, self.formula_proxy, self.formula_table, _row, self.formula_status, self.formula_hits,
         _splitter) = self._table_tab("formulae", self.tr("Formulae"),
                                      [self.tr("Formula"), self.tr("Uses"), self.tr("Speeches"),
                                       self.tr("Defined as")])
        self.formula_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # used by the most speeches first
        self.formula_table.selectionModel().currentRowChanged.connect(lambda *_: self._formula_selected())

    def compute_formulae(self) -> Job:
        """Numbered formulae (四张牌, 9+2, 一中心六组团 …) found by pattern across the corpus."""
        def work(library, progress, cancelled):
            from reader.core.formulae import find_formulae
            order = [d.id for d in library.list_documents()]   # date order: the earliest definition wins
            texts = dict(library.iter_texts())
            return find_formulae((doc_id, texts[doc_id]) for doc_id in order)

        return self._run("formulae", work, self._show_formulae, self.formula_status)

    def _show_formulae(self, formulae) -> None:
        self.formula_model.setRowCount(0)
        for f in formulae:
            definition = f.definition.sentence.replace("\n", " ") if f.definition else ""
            if not definition and f.reference:
                definition = self.tr("(national formula) %1").replace("%1", f.reference)
            self.formula_model.appendRow([self._item(f.text, data=f), self._item(str(f.count), f.count),
                                          self._item(str(len(f.doc_ids)), len(f.doc_ids)), self._item(definition)])
        self.formula_status.setText(self.tr("%n formula(e)", "", len(formulae)))

    def _formula_selected(self) -> None:
        index = self.formula_table.currentIndex()
        formula = self.formula_proxy.index(index.row(), 0).data(ROW_ROLE) if index.isValid() else None
        if formula is not None:
            self.formula_hits.set_hits(grouped(self.library, hits_for(self.library, formula.occurrences)))

    # --- search --------------------------------------------------------------------------------

    def _build_search_tab(self) -> None:
        self.search = SearchTab(self.library, self.jobs)
        self.addTab(self.search, self.tr("Search"))
        self.search.hits.hit_activated.connect(self._open_hit)
        # the tab's parts under the names the window and the tests know
        self.search_box, self.search_hits, self.search_more = self.search.box, self.search.hits, self.search.more
        self.search_status, self.run_search, self.more_results = self.search.status, self.search.run, self.search.more_results

    # --- opening hits ----------------------------------------------------------------------------

    def _open_hit(self, hit: SearchHit) -> None:
        tree = self.sender()
        same_doc = [(h.start, h.end) for h in tree.hits() if h.doc_id == hit.doc_id] if tree else []
        self.open_requested.emit(hit.doc_id, hit.start, hit.end, same_doc)
