"""A TimelineJS media object (`url`, `caption`, `credit`, `thumbnail`, `alt`) -> one entry of
our `media:` list: a file beside the imported one stays local (copied into content/media/);
an address elsewhere becomes a link card, of a kind guessed from where it points."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.importing.html_markdown import links_in, plain_text, sources_in
from generator.importing.imported import Medium
from generator.model.media import AUDIO_TYPES, IMAGE_TYPES, VIDEO_TYPES

_KEYS = ("url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target")
_HOSTS = {
    "video": ("youtube.com", "youtu.be", "vimeo.com", "dailymotion.com", "twitch.tv"),
    "audio": ("soundcloud.com", "spotify.com", "mixcloud.com", "bandcamp.com"),
    "post": (
        "twitter.com", "x.com", "instagram.com", "facebook.com", "tiktok.com", "bsky.app",
        "threads.net", "reddit.com",
    ),
    "document": ("docs.google.com", "drive.google.com", "documentcloud.org", "scribd.com"),
}  # fmt: skip


def link_kind(url: str) -> str:
    """The kind of link card an address makes: video, audio, post, document or page."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    suffix = Path(unquote(parts.path)).suffix.lower()
    if suffix in VIDEO_TYPES:
        return "video"
    if suffix in AUDIO_TYPES:
        return "audio"
    if suffix == ".pdf":
        return "document"
    for kind, hosts in _HOSTS.items():
        if any(host == h or host.endswith("." + h) for h in hosts):
            return kind
    return "page"


def medium(media: Mapping[str, object], folder: Path, note: Callable[[str], None]) -> Medium | None:
    """A TimelineJS media object -> a Medium, or None (noted) when it has none to give;
    `folder` is the imported file's, against which relative addresses are read."""
    text = {key: str(media.get(key) or "").strip() for key in _KEYS}
    for key in sorted(set(media) - set(_KEYS)):
        note(f"media field `{key}`")
    for key in ("link", "link_target"):
        if text[key]:
            note(f"media `{key}` ({text[key]})")
    url = text["url"]
    if not url:
        return None
    caption, credit, alt = plain_text(text["caption"]), plain_text(text["credit"]), text["alt"]
    if url.startswith("<"):
        return _embedded(url, caption, credit, note)
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.hostname:
        if text["thumbnail"]:
            note(f"the media's thumbnail ({text['thumbnail']}): a link card has none")
        if alt:
            note(f"the media's alt text (“{alt}”): a link card shows its title instead")
        title = caption or plain_text(text["title"]) or parts.hostname
        entry = {"url": url, "title": title, "kind": link_kind(url)}
        return Medium(entry | ({"credit": credit} if credit else {}))
    if parts.scheme or url.startswith("//"):
        note(f"media at `{url}`: neither a web address nor a file beside the imported one")
        return None
    return _local(folder / unquote(parts.path), text, caption, credit, note)


def _embedded(url: str, caption: str, credit: str, note: Callable[[str], None]) -> Medium | None:
    sources = [s for s in sources_in(url) + links_in(url) if s.startswith(("http:", "https:"))]
    if not sources:
        note(f"embedded media (`{url[:60]}`), left out")
        return None
    note(f"embedded media (`{url[:60]}`), written as a link card to {sources[0]}")
    title = caption or urlsplit(sources[0]).hostname or sources[0]
    entry = {"url": sources[0], "title": title, "kind": link_kind(sources[0])}
    return Medium(entry | ({"credit": credit} if credit else {}))


def _local(
    path: Path, text: Mapping[str, str], caption: str, credit: str, note: Callable[[str], None]
) -> Medium | None:
    suffix = path.suffix.lower()
    if suffix not in {**IMAGE_TYPES, **VIDEO_TYPES, **AUDIO_TYPES}:
        note(f"media `{text['url']}`: not an image, video or audio file we can show")
        return None
    if not path.is_file():
        note(f"media `{text['url']}`: no such file beside the imported one, left out")
        return None
    if text["thumbnail"]:
        note(f"the media's thumbnail ({text['thumbnail']}): ours are made from the file")
    entry = {}
    if suffix in IMAGE_TYPES:
        entry["alt"] = text["alt"]
        if not text["alt"]:
            note(f"media `{text['url']}` has no alt text: write what it shows in `alt:`")
    entry |= {key: value for key, value in (("caption", caption), ("credit", credit)) if value}
    return Medium(entry, copy_from=path)
