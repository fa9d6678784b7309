"""The overview's search tab: the first page of speeches at once, every match counted after, More Results on demand."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reader.core.search import count_matches, search
from reader.gui import plain
from reader.gui.hit_list import HitTree
from reader.gui.workers import Job, JobRunner

SEARCH_PAGE = 50   # speeches listed at once; the rest come with "More Results"


def dated(title: str, date: str | None) -> str:
    """A speech's title with its date in brackets; an undated speech shows no "（?）"."""
    return f"{title}（{date}）" if date else title


def status_label() -> QLabel:
    """A status line that never widens the window (long texts are cut, not wrapped)."""
    label = plain.label()
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class SearchTab(QWidget):
    """A search box, the hits grouped by speech (in date order) and a More Results button."""

    def __init__(self, library, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("searchTab")
        self.library, self.jobs = library, jobs
        self.box = QLineEdit(placeholderText=self.tr("Words or a phrase, e.g. 新型城镇化"))
        self.box.setClearButtonEnabled(True)
        self.status = status_label()
        self.hits = HitTree()
        self.more = QPushButton(self.tr("More Results"), objectName="searchMore")
        self.more.setToolTip(self.tr("List the next speeches holding the words"))
        self.more.hide()
        self._result = None
        self._total: int | None = None
        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        button = QPushButton(self.tr("Search"))
        row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.more)
        self.box.returnPressed.connect(self.run)
        button.clicked.connect(self.run)
        self.more.clicked.connect(self.more_results)

    def run(self) -> Job | None:
        """Search the whole library (FTS5 trigram for 3+ characters, a scan for shorter queries)."""
        query = self.box.text().strip()
        if not query:
            return None
        self._result = None
        return self._page(query, 0)

    def more_results(self) -> Job | None:
        """List the next page of speeches of the last search."""
        result = self._result
        if result is None or result.next_offset is None:
            return None
        self.more.setEnabled(False)
        return self._page(result.query, result.next_offset)

    def _page(self, query: str, offset: int) -> Job:
        """One page of speeches, searched on the process's long-lived connection (no file check per search)."""
        folder, read_only = self.library.folder, self.library.read_only

        def work(progress, cancelled):
            from reader.core.comparison import shared_index   # numpy and the matcher load off the GUI thread
            with shared_index.use(folder, read_only) as (library, _index):
                return search(library, query, limit=SEARCH_PAGE, offset=offset, count=False)

        if offset == 0:
            self.status.setText(self.tr("Computing…"))
        job = Job("search", work)
        job.succeeded.connect(self._show)
        job.failed.connect(self.status.setText)
        return self.jobs.run(job)

    def _show(self, result) -> None:
        groups = [(dated(g.title, g.date), g.hits, g.total) for g in result.groups]
        if result.offset == 0:
            self.hits.set_hits(groups)
            self._total = None
            self._count(result.query)
        else:
            self.hits.add_hits(groups)
        self._result = result
        self.more.setVisible(result.next_offset is not None)
        self.more.setEnabled(True)
        self._show_status()

    def _count(self, query: str) -> Job:
        """Count every match of the library after the first page is shown (the rest of the answer)."""
        folder, read_only = self.library.folder, self.library.read_only

        def work(progress, cancelled):
            from reader.core.comparison import shared_index   # numpy and the matcher load off the GUI thread
            with shared_index.use(folder, read_only) as (library, _index):
                return query, count_matches(library, query)

        job = Job("search-count", work)
        job.succeeded.connect(self._counted)
        return self.jobs.run(job, quiet=True)

    def _counted(self, answer) -> None:
        query, total = answer
        if self._result is not None and self._result.query == query:
            self._total = total
            self._show_status()

    def _show_status(self) -> None:
        result = self._result
        speeches = self.tr("%n speech(es)", "", result.speeches)
        if self._total is None:
            text = self.tr("“%1”: in %2, counting the matches…").replace("%2", speeches)
        else:
            text = self.tr("“%1”: %n hit(s) in %2", "", self._total).replace("%2", speeches)
        self.status.setText(text.replace("%1", result.query))
