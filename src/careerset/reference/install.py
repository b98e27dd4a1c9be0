"""Install a reference pack: from a local folder or zip, or by downloading official releases.

Both paths end in `build_pack`, which swaps the new pack in only once it is complete.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from careerset.errors import UserError
from careerset.paths import reference_dir
from careerset.reference.builder import BuildResult, StepCallback, build_pack
from careerset.reference.connection import pack_path
from careerset.reference.download import ByteCallback, download_all, load_manifest
from careerset.reference.sources import PackInputs, embedded_oews, onet_release, resolve_inputs
from careerset.reference.tables import InputFile
from careerset.reference.xlsx import xlsx_to_csv


def download_dir() -> Path:
    """Cache of downloaded release files (kept so an interrupted install can resume)."""
    return reference_dir() / "downloads"


def install_from_path(source: Path, step: StepCallback | None = None) -> BuildResult:
    """Build and install the pack from a data folder, an O*NET folder or an O*NET zip."""
    return build_pack(resolve_inputs(source), pack_path(), step)


def _oews_input(path: Path | None) -> InputFile:
    """The wage table inside a download: a CSV, an .xlsx, or a zip holding either."""
    if path is None:
        return embedded_oews()
    if path.suffix.lower() == ".xlsx":
        converted = xlsx_to_csv(path.read_bytes(), path.with_suffix(".csv"))
        return InputFile(label=path.name, path=converted)
    if not zipfile.is_zipfile(path):
        return InputFile(label=path.name, path=path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        tables = [m for m in names if m.lower().endswith((".csv", ".txt"))]
        workbooks = [m for m in names if m.lower().endswith(".xlsx") and "/~$" not in m]
        if tables:
            return InputFile(label=tables[0].rsplit("/", 1)[-1], path=path, member=tables[0])
        if workbooks:
            # BLS ships national_M<year>_dl.xlsx inside oesm<yy>nat.zip.
            converted = path.with_name(path.stem + "_national.csv")
            xlsx_to_csv(archive.read(workbooks[0]), converted)
            return InputFile(label=workbooks[0].rsplit("/", 1)[-1], path=converted)
    raise UserError(
        f"{path.name} holds no wage table (CSV or .xlsx); check the manifest's oews entry."
    )


def install_from_manifest(
    location: str | None, on_bytes: ByteCallback, step: StepCallback | None = None
) -> tuple[BuildResult, list[str]]:
    """Download what the manifest lists, verify it, then build and install the pack."""
    _, entries = load_manifest(location)
    paths, notes = download_all(entries, download_dir(), on_bytes)
    inputs = PackInputs(
        onet=onet_release(paths["onet"]),
        oews=_oews_input(paths.get("oews")),
        esco_classification=paths.get("esco_classification"),
        esco_relations=paths.get("esco_relations"),
    )
    if (inputs.esco_classification is None) != (inputs.esco_relations is None):
        raise UserError("The manifest must list both ESCO zips (classification and relations).")
    return build_pack(inputs, pack_path(), step), notes
