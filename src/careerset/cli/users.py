"""`careerset user add|list|remove|passwd`: the accounts of a server-mode store."""

import sys
from datetime import UTC, datetime

import typer
from rich.table import Table

from careerset.cli.main import app
from careerset.cli.output import console, print_json
from careerset.cli.state import current_state
from careerset.cli.store_access import opened_store
from careerset.errors import UserError

user_app = typer.Typer(
    help=(
        "Manage the accounts of a shared store (server mode): clients, coaches and administrators.\n\n"
        "Example: careerset --db postgresql+psycopg://careers@db/careers user add ana@example.org "
        "--role client"
    ),
    no_args_is_help=True,
)
app.add_typer(user_app, name="user")

PASSWORD_STDIN_HELP = "Read the password from one line of standard input instead of prompting."


def _read_password(from_stdin: bool, what: str, email: str) -> str:
    """One line of stdin, or a hidden prompt asked twice in a terminal; refused when weak."""
    from careerset.store.passwords import check_password

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = typer.prompt(what, hide_input=True, confirmation_prompt=True)
    else:
        raise UserError("no terminal to ask for the password in; pass --password-stdin.")
    return check_password(password, email)


@user_app.command("add")
def add(
    email: str = typer.Argument(..., help="The account's email address (its login)."),
    role: str = typer.Option(..., "--role", help="One of: client, coach, admin."),
    career: str | None = typer.Option(
        None,
        "--career",
        help="A client's career name (default: the email); an existing career nobody owns is attached.",
    ),
    password_stdin: bool = typer.Option(False, "--password-stdin", help=PASSWORD_STDIN_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the new account as JSON."),
) -> None:
    """Add an account; a client gets their own career. The password is asked for twice, hidden.

    Example: echo 'a long passphrase' | careerset user add ana@example.org --role client --password-stdin
    """
    from careerset.store.passwords import check_email, hash_password
    from careerset.store.rights import check_role

    cleaned, checked_role = check_email(email), check_role(role)
    if career is not None and checked_role != "client":
        raise UserError(f"only a client has a career; drop --career for a {checked_role}.")
    with opened_store(current_state().db) as store:
        with store.transaction() as session:
            if session.find_actor(cleaned) is not None:
                raise UserError(f"there is already an account '{cleaned}'.")
        # Hash before the transaction: no database transaction waits on a person or on argon2.
        hashed = hash_password(_read_password(password_stdin, "Password", cleaned))
        with store.transaction() as session:
            actor = session.create_user(cleaned, "", checked_role, career, password_hash=hashed)
            profile = (
                None if actor.profile_id is None else session.profile_name_for(actor.profile_id)
            )
    if as_json:
        print_json({"email": actor.email, "role": actor.role, "career": profile})
        return
    where = f" with the career '{profile}'" if profile is not None else ""
    console.print(f"Added {actor.role} {actor.email}{where}.", markup=False, highlight=False)


@user_app.command("list")
def list_users(
    as_json: bool = typer.Option(False, "--json", help="Print the accounts as JSON."),
) -> None:
    """List the accounts: email, role, career and whether the login is locked.

    Example: careerset user list --json
    """
    with opened_store(current_state().db) as store, store.transaction() as session:
        users = session.list_users()
    if as_json:
        print_json(
            [
                {
                    "email": user.email,
                    "role": user.role,
                    "career": user.profile,
                    "created": user.created.isoformat(),
                    "locked_until": user.locked_until.isoformat() if user.locked_until else None,
                }
                for user in users
            ]
        )
        return
    if not users:
        console.print("No accounts yet; add one with `careerset user add EMAIL --role client`.")
        return
    now = datetime.now(UTC)
    table = Table("email", "role", "career", "created", "locked")
    for user in users:
        locked = user.locked_until is not None and user.locked_until > now
        table.add_row(
            user.email,
            user.role,
            user.profile or "",
            user.created.date().isoformat(),
            f"until {user.locked_until:%H:%M:%S} UTC" if locked and user.locked_until else "",
        )
    console.print(table)


@user_app.command("remove")
def remove(
    email: str = typer.Argument(..., help="The account's email address."),
    delete_career: bool = typer.Option(
        False, "--delete-career", help="Also delete a client's career (otherwise it is kept)."
    ),
) -> None:
    """Remove an account, its logins and the access it was granted.

    Example: careerset user remove ben@example.org --delete-career
    """
    with opened_store(current_state().db) as store, store.transaction() as session:
        session.remove_user(email, delete_career=delete_career)
    kept = "" if delete_career else " Any career of theirs is kept."
    console.print(f"Removed {email.strip().lower()}.{kept}", markup=False, highlight=False)


@user_app.command("passwd")
def passwd(
    email: str = typer.Argument(..., help="The account's email address."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help=PASSWORD_STDIN_HELP),
) -> None:
    """Set a new password for an account; it is unlocked and logged out everywhere.

    Example: echo 'a new long passphrase' | careerset user passwd ana@example.org --password-stdin
    """
    from careerset.store.passwords import hash_password

    with opened_store(current_state().db) as store:
        with store.transaction() as session:
            actor = session.find_actor(email)
        if actor is None:
            raise UserError(f"there is no account '{email[:60]}'; see `careerset user list`.")
        hashed = hash_password(_read_password(password_stdin, "New password", actor.email))
        with store.transaction() as session:
            session.set_password(email, "", password_hash=hashed)
    console.print(f"Set a new password for {email.strip().lower()}.", markup=False, highlight=False)
