"""Spell-checking as the user types, without Qt: which words are misspelled, what to offer
instead, and the user's own dictionary.

- ``words``: the words of a text worth checking (no addresses, placeholders, acronyms…);
- ``dictionaries``: pyspellchecker's word lists, loaded once per language;
- ``checker``: a kit's text against a list, its own names and the user's words;
- ``user_words``: the per-user word list file.
"""

from presskit.library.spelling.checker import Checker, accepted_keys, kit_names, name_words
from presskit.library.spelling.dictionaries import (
    LANGUAGES,
    Dictionary,
    dictionary_language,
    load_dictionary,
    loaded_dictionary,
)
from presskit.library.spelling.user_words import (
    UserDictionaryError,
    add_user_word,
    read_user_words,
    user_dictionary_path,
)
from presskit.library.spelling.words import Word, primary_language, words_to_check

__all__ = [
    "LANGUAGES", "Checker", "Dictionary", "UserDictionaryError", "Word", "accepted_keys",
    "add_user_word", "dictionary_language", "kit_names", "load_dictionary", "loaded_dictionary",
    "name_words", "primary_language", "read_user_words", "user_dictionary_path",
    "words_to_check",
]
