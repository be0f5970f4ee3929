"""A question's Markdown and LaTeX as one line of plain text, for lists and tooltips.

A list cell cannot typeset `$\\frac{\\partial L}{\\partial \\mu}$`; showing the source
makes a formula question unreadable at a glance.  Here formulas become Unicode
(`∂L/∂μ`, `σ²`, `∑ᵢ₌₁ⁿ`) and Markdown marks and escapes are dropped, so the list
reads like the preview.  Anything not understood is kept as written.
"""

from __future__ import annotations

import re

from ..model import MATH

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`)(.+?)\1")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_COMMAND = re.compile(r"\\([A-Za-z]+|.)\s?")


def _pairs(text: str) -> dict[str, str]:
    words = text.split()
    return dict(zip(words[::2], words[1::2], strict=True))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SYMBOLS = (
    _pairs(
        "alpha α beta β gamma γ delta δ epsilon ε varepsilon ε zeta ζ eta η theta θ vartheta ϑ"
        " iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π rho ρ sigma σ tau τ upsilon υ phi φ varphi φ"
        " chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Phi Φ Psi Ψ Omega Ω"
        " sum ∑ prod ∏ int ∫ oint ∮ partial ∂ nabla ∇ infty ∞ cdot · times × div ÷ pm ± mp ∓"
        " leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ equiv ≡ sim ∼ propto ∝ to → rightarrow →"
        " leftarrow ← Rightarrow ⇒ Leftarrow ⇐ iff ⇔ mapsto ↦ in ∈ notin ∉ subset ⊂ subseteq ⊆"
        " cup ∪ cap ∩ forall ∀ exists ∃ emptyset ∅ ldots … dots … cdots ⋯ circ ∘ ell ℓ top T neg ¬ lnot ¬"
        " land ∧ wedge ∧ lor ∨ vee ∨ setminus ∖ mid | perp ⊥ star ⋆ ast ∗ prime ′ langle ⟨ rangle ⟩"
        " | ‖ { { } } % % $ $ _ _ & & # #"
    )
    | dict.fromkeys(("left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "!"), "")
    | dict.fromkeys((",", ";", ":", " ", "quad", "qquad", "\\", "displaystyle", "limits"), " ")
)
# Commands whose one argument is shown as it is (its style cannot be shown in plain text).
_STYLES = _words(
    "mathbf mathrm mathit mathsf mathtt boldsymbol bm text textbf textit textrm operatorname"
    " mathcal mathscr mathbb hat bar tilde vec overline underline widehat widetilde dot ddot"
)
# Binary operators and relations: spaced, since the command swallowed the space after it.
_SPACED = _words(
    "cdot times div pm mp leq le geq ge neq ne approx equiv sim propto to rightarrow leftarrow"
    " Rightarrow Leftarrow iff mapsto in notin subset subseteq cup cap land wedge lor vee setminus mid"
)
_DOUBLE_STRUCK = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"}
_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
_SUP = dict(
    zip(
        "0123456789+-=()abcdefghijklmnoprstuvwxyzT",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ",
        strict=True,
    )
)


def plain_question(text: str) -> str:
    """One line: formulas in Unicode, Markdown links as their text, no emphasis marks or escapes."""
    parts: list[str] = []
    position = 0
    for match in MATH.finditer(text):
        parts.append(_plain_markdown(text[position : match.start()]))
        parts.append(latex_to_unicode(next(g for g in match.groups() if g is not None)))
        position = match.end()
    parts.append(_plain_markdown(text[position:]))
    return " ".join("".join(parts).split())


def _plain_markdown(text: str) -> str:
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    return _ESCAPE.sub(lambda m: m.group(1), text)


def latex_to_unicode(source: str) -> str:
    """`\\frac{a+b}{2}` → `(a+b)/2`, `x_i^2` → `xᵢ²`; unknown commands lose only their backslash."""
    return " ".join(_Reader(source).read().split())


class _Reader:
    """A small recursive reader over TeX tokens: groups, commands, scripts."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def read(self, stop: str = "") -> str:
        out: list[str] = []
        while self.at < len(self.source):
            char = self.source[self.at]
            if char == stop:
                self.at += 1
                break
            if char in "_^":
                self.at += 1
                if out:  # `\max_x`: the script sits on the word
                    out[-1] = out[-1].rstrip()
                out.append(_script(self.argument(), _SUB if char == "_" else _SUP, char))
            elif char == "{":
                self.at += 1
                out.append(self.read("}"))
            elif char == "\\":
                out.append(self.command())
            elif char in "&~":
                self.at += 1
                out.append(" ")
            else:
                self.at += 1
                out.append(char)
        return "".join(out)

    def argument(self) -> str:
        """The next group, command or single character."""
        while self.at < len(self.source) and self.source[self.at] == " ":
            self.at += 1
        if self.at >= len(self.source):
            return ""
        char = self.source[self.at]
        if char == "{":
            self.at += 1
            return self.read("}")
        if char == "\\":
            return self.command()
        self.at += 1
        return char

    def command(self) -> str:
        match = _COMMAND.match(self.source, self.at)
        if match is None:  # a lone backslash at the end
            self.at += 1
            return ""
        self.at = match.end()
        name = match.group(1)
        if name in ("frac", "dfrac", "tfrac"):
            top, bottom = self.argument(), self.argument()
            return f"{_atom(top)}/{_atom(bottom)}"
        if name == "sqrt":
            return f"√{_atom(self.argument())}"
        if name == "mathbb":
            inner = self.argument()
            return _DOUBLE_STRUCK.get(inner, inner)
        if name in _STYLES:
            return self.argument()
        if name in _SPACED:
            return f" {SYMBOLS[name]} "
        if name in SYMBOLS:
            return SYMBOLS[name]
        if name in ("begin", "end"):
            self.argument()  # the environment's name
            return " "
        return name if len(name) == 1 else f" {name} "  # log, max, exp: a word of its own


def _atom(text: str) -> str:
    """Parentheses around anything longer than one symbol, so a/b stays unambiguous."""
    text = " ".join(text.split())
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def _script(text: str, table: dict[str, str], mark: str) -> str:
    text = text.strip()
    if text and all(char in table for char in text):
        return "".join(table[char] for char in text)
    return f"{mark}{_atom(text)}"
