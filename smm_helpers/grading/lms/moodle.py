"""What a name in Moodle's "Download all submissions" zip says.

Moodle names each file ``<Full Name>_<participant id>_assignsubmission_file_<file name>``,
or, with "Download submissions in folders" (the default since Moodle 3.1), puts the files in
a folder ``<Full Name>_<participant id>_assignsubmission_file_/``.  The full name has any
``_`` turned into a space; a group submission's is ``<group name>-<Full Name>``; blind
marking writes ``Participant`` instead of the name.  Text typed into the online text box
comes as ``..._assignsubmission_onlinetext_<...>.html``.

>>> parse("Amina Rahman_1234567_assignsubmission_file_01-platforms-and-planning.ipynb")
MoodleEntry(name='Amina Rahman', participant_id='1234567', plugin='file', \
filename='01-platforms-and-planning.ipynb')
>>> parse("Amina Rahman_1234567_assignsubmission_file_")
MoodleEntry(name='Amina Rahman', participant_id='1234567', plugin='file', filename='')
>>> parse("rahmanamina_4242_99001_notes.ipynb") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY = re.compile(
    r"(?P<name>[^_]*)_(?P<id>\d+)_assignsubmission_(?P<plugin>[^_/]+)_"
    r"(?P<file>.*)",
    re.IGNORECASE | re.DOTALL,
)
BLIND = ("participant",)
"""What blind marking writes instead of the name (English Moodle)."""


@dataclass(frozen=True)
class MoodleEntry:
    """A file (or, with ``filename`` empty, a folder) of a Moodle download."""

    name: str
    participant_id: str
    plugin: str
    """``file`` for uploaded files, ``onlinetext`` for the online text box, ..."""
    filename: str

    @property
    def is_text(self) -> bool:
        """Text typed into Moodle (not an uploaded file)."""
        return self.plugin.casefold() == "onlinetext"

    @property
    def anonymous(self) -> bool:
        """Blind marking: the name is ``Participant``, the id a stand-in.

        >>> parse("Participant_1234567_assignsubmission_file_").anonymous
        True
        """
        return self.name.strip().casefold().rpartition("-")[2] in BLIND


def parse(name: str) -> MoodleEntry | None:
    """``name`` (a file, or the first folder of a path) read as Moodle writes it, or
    ``None`` if it is not one."""
    match = _ENTRY.fullmatch(name)
    if match is None:
        return None
    return MoodleEntry(match["name"], match["id"], match["plugin"], match["file"])
