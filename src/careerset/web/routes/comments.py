"""Server mode: comments on a career, by its owner and the coaches they shared it with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Body, Depends, Form
from fastapi.responses import RedirectResponse

from careerset.web.accounts import safe_next
from careerset.web.context import SignInRequired, WebContext, get_context

if TYPE_CHECKING:
    from careerset.store.comments import Comment
    from careerset.store.rights import Actor

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]
MAX_COMMENT = 4000


def comments_for(context: WebContext) -> list[Comment] | None:
    """The comments on the viewed career (server mode), or None in local mode (no box shown)."""
    if not context.server:
        return None
    with context.transaction() as session:
        return list(session.comments(_actor(context), context.profile))


def _actor(context: WebContext) -> Actor:
    if context.actor is None:
        raise SignInRequired()
    return context.actor


def comment_json(comment: Comment) -> dict[str, Any]:
    return {
        "author": comment.author,
        "text": comment.text,
        "entry_id": comment.entry_id,
        "created": comment.created.isoformat(),
    }


def _post(context: WebContext, text: str, entry_id: str | None) -> None:
    with context.transaction() as session:
        session.add_comment(_actor(context), context.profile, text, entry_id=entry_id or None)


@router.post("/comments")
def post_comment(
    context: Context,
    text: Annotated[str, Form(min_length=1, max_length=MAX_COMMENT)],
    back: Annotated[str, Form(max_length=500)] = "/",
    entry_id: Annotated[str, Form(max_length=64)] = "",
) -> RedirectResponse:
    _post(context, text, entry_id)
    return RedirectResponse(f"{safe_next(back).split('#')[0]}#comments", 303)


@router.get("/api/comments", tags=["comments"], summary="Comments on the career being viewed")
def list_comments(context: Context) -> list[dict[str, Any]]:
    return [comment_json(c) for c in comments_for(context) or []]


@router.post("/api/comments", status_code=201, tags=["comments"], summary="Comment on the career")
def add_comment(
    context: Context,
    text: Annotated[str, Body(min_length=1, max_length=MAX_COMMENT, embed=True)],
    entry_id: Annotated[str | None, Body(max_length=64, embed=True)] = None,
) -> dict[str, str]:
    _post(context, text, entry_id)
    return {"status": "added"}
