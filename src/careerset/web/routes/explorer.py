"""The occupation explorer: search O*NET occupations, read one profile, compare a few side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from careerset.actions.occupations import MAX_COMPARE, compare_occupations
from careerset.facts.profile import OccupationProfile
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]

SECTION_NAMES = {
    "alternate_titles": "alternate titles",
    "tasks": "tasks",
    "technology_skills": "technology skills",
    "skills": "skills",
    "knowledge": "knowledge",
    "abilities": "abilities",
    "interests": "interests",
    "work_values": "work values",
    "job_zone": "job zone",
    "related": "related occupations",
    "wages": "wages",
}


def money(value: float | None) -> str:
    return "–" if value is None else f"${value:,.0f}"


@router.get("/occupations", response_class=HTMLResponse)
def search_page(
    request: Request,
    context: Context,
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    hits = context.reference().search(q, limit=25) if q.strip() else []
    return render(request, "occupations.html", query=q, hits=hits, max_compare=MAX_COMPARE)


@router.get("/occupations/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    context: Context,
    codes: Annotated[list[str], Query(max_length=MAX_COMPARE)] = [],  # noqa: B006
) -> HTMLResponse:
    profiles = compare_occupations(context.reference(), codes)
    return render(request, "compare.html", profiles=profiles, money=money, sections=SECTION_NAMES)


@router.get("/occupations/{code}", response_class=HTMLResponse)
def profile_page(request: Request, code: str, context: Context) -> HTMLResponse:
    profile: OccupationProfile = context.reference().profile(code)
    return render(
        request,
        "occupation.html",
        occupation=profile,
        money=money,
        missing=[SECTION_NAMES[name] for name in profile.missing],
    )
