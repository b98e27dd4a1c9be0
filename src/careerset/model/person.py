"""The person the career belongs to: name and contact details, languages, hobbies, references."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from careerset.model.entries import Name, Text, Url


class _Part(BaseModel):
    # Built when first used: a command that never reads the person never builds these.
    model_config = ConfigDict(extra="forbid", defer_build=True)
    extra: dict[str, Any] = Field(default_factory=dict)


class Location(_Part):
    address: Text | None = None
    postal_code: Name | None = None
    city: Name | None = None
    country_code: Name | None = None
    region: Name | None = None


class SocialProfile(_Part):
    network: Name | None = None
    username: Name | None = None
    url: Url | None = None


class Language(_Part):
    language: Name | None = None
    fluency: Name | None = None


class Hobby(_Part):
    name: Name | None = None
    keywords: list[Name] = Field(default_factory=list)


class Reference(_Part):
    name: Name | None = None
    reference: Text | None = None


class Person(_Part):
    """Who the career belongs to; all optional, because a career can be recorded before a CV is."""

    name: Name | None = None
    label: Name | None = None
    image: Url | None = None
    email: Name | None = None
    phone: Name | None = None
    url: Url | None = None
    summary: Text | None = None
    location: Location | None = None
    profiles: list[SocialProfile] = Field(default_factory=list, max_length=100)
    languages: list[Language] = Field(default_factory=list, max_length=100)
    hobbies: list[Hobby] = Field(default_factory=list, max_length=100)
    references: list[Reference] = Field(default_factory=list, max_length=100)
