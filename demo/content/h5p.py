"""The demo's H5P exercises: arguments of ``demo.h5p_packages.build_h5p_package``.

A lesson block ``("h5p", {"package": KEY, ...})`` names one of these keys; translations name
the package in their own language.
"""

PACKAGES = {
    "return_premium": {
        "title": "The return premium",
        "question": "A couple returns home with their two children through the voluntary "
        "return programme. What return premium does the family receive?",
        "answers": ["EUR 250", "EUR 750", "EUR 1,000", "EUR 1,400"],
        "correct": 1,
        "language": "en",
    },
    "return_premium_fr": {
        "title": "La prime de retour",
        "question": "Un couple rentre au pays avec ses deux enfants grâce au programme de "
        "retour volontaire. Quelle prime de retour la famille reçoit-elle ?",
        "answers": ["250 EUR", "750 EUR", "1 000 EUR", "1 400 EUR"],
        "correct": 1,
        "language": "fr",
    },
    "return_premium_nl": {
        "title": "De terugkeerpremie",
        "question": "Een koppel keert met zijn twee kinderen terug via het programma voor "
        "vrijwillige terugkeer. Welke terugkeerpremie krijgt het gezin?",
        "answers": ["250 euro", "750 euro", "1.000 euro", "1.400 euro"],
        "correct": 1,
        "language": "nl",
    },
}
