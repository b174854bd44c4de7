"""Reading Markdown pages: kept as the short import path of `defensoria.content.markdown`."""

from defensoria.content.markdown import (  # noqa: F401
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MarkdownPage,
    MarkdownPage as Page,
    iter_pages,
    language_of,
    read_page,
    spanish_source,
    translation_path,
)
