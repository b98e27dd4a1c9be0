"""Server mode comments: notes a client and their coaches leave on a career or one of its entries."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select

from careerset.errors import UserError
from careerset.store.rights import Actor, RightsMixin, utc
from careerset.store.tables import comment_table, entry_table, user_table

COMMENT_MAX = 4000


@dataclass(frozen=True)
class Comment:
    id: int
    author: str | None  # the author's email; None when that account was removed
    entry_id: str | None
    text: str
    created: datetime


class CommentsMixin(RightsMixin):
    """Comments on careers, rights-checked like every other read and write."""

    def add_comment(
        self, actor: Actor, profile_name: str, text: str, entry_id: str | None = None
    ) -> None:
        """A comment by the client or a coach with any grant, optionally on one entry."""
        row = self._checked_profile(actor, profile_name, "read", "comment", "")
        cleaned = text.strip()
        if not cleaned or len(cleaned) > COMMENT_MAX:
            raise UserError(f"a comment needs 1 to {COMMENT_MAX} characters.")
        if "\x00" in cleaned or (entry_id is not None and "\x00" in entry_id):
            raise UserError("a comment cannot contain NUL characters (\\x00).")
        if entry_id is not None and not self._has_entry(row.id, entry_id):
            raise UserError(f"there is no entry '{entry_id[:64]}' in this career.")
        self._change(
            insert(comment_table).values(
                profile_id=row.id,
                author_id=actor.user_id,
                entry_id=entry_id,
                text=cleaned,
                created=datetime.now(UTC),
            )
        )
        self._audit(actor, "comment", row.id, entry_id or "")

    def comments(self, actor: Actor, profile_name: str) -> list[Comment]:
        """The career's comments, oldest first."""
        row = self._checked_profile(actor, profile_name, "read", "comments")
        comment = comment_table.c
        query = (
            select(comment_table, user_table.c.email)
            .outerjoin_from(comment_table, user_table, user_table.c.id == comment.author_id)
            .where(comment.profile_id == row.id)
            .order_by(comment.created, comment.id)
        )
        return [
            Comment(
                id=found.id,
                author=found.email,
                entry_id=found.entry_id,
                text=found.text,
                created=utc(found.created),
            )
            for found in self.session.execute(query)
        ]

    def _has_entry(self, profile_id: int, entry_id: str) -> bool:
        query = select(entry_table.c.id).where(
            entry_table.c.profile_id == profile_id, entry_table.c.id == entry_id
        )
        return self.session.execute(query).first() is not None
