"""Course 1: voluntary return, the programme and how to refer someone (English, French, Dutch).

Amounts are those of the Belgian voluntary return programme as presented to AMIF partners;
the course tells trainees to check current amounts with a return desk before promising any.
"""

from demo.content.schema import (
    Choice,
    Course,
    Lesson,
    Module,
    PracticeQuiz,
    Question,
    Session,
    Translation,
)

OBJECTIVES = [
    "Explain why voluntary return is preferred and name the four components of the programme.",
    "Describe the accompaniment network and refer a person to a return desk or partner.",
    "State the return and reintegration support, with its amounts.",
    "Tell who is eligible for which support, and when it is decided case by case.",
]

MODULES = [
    Module(
        title="The programme and its four components",
        summary="Why voluntary return comes first, and what the programme offers.",
        lessons=[
            Lesson(
                title="Why voluntary return comes first",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>A person without a right to stay can leave in two ways: on their "
                        "own decision, with support, or through a forced return carried out "
                        "by the authorities. Return policy prefers the first: it is more "
                        "humane, it keeps the person in control of their departure, and it "
                        "costs far less than detention and escorted removal.</p>"
                        "<p>The voluntary return programme sets itself four aims: make sure "
                        "the people concerned are informed and can reach it; offer support "
                        "that fits their needs; assist those who want to go home; and remove "
                        "the obstacles that keep them from returning.</p>",
                    ),
                    (
                        "glossary_term",
                        {
                            "term": "Voluntary return",
                            "definition": "A return to the country of origin that the person "
                            "chooses, organised and supported by the programme, as opposed "
                            "to a forced return carried out by the authorities.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": "<p>Voluntary return stays possible after an order to "
                            "leave the territory. Mentioning it early gives the person time "
                            "to prepare a return with support.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Communication, accompaniment, return, reintegration",
                minutes=10,
                body=[
                    ("heading", {"text": "Four components", "level": "h2"}),
                    (
                        "rich_text",
                        "<ol><li><b>Communication</b>: people hear about the programme in "
                        "time, in a language and a place they trust.</li>"
                        "<li><b>Accompaniment</b>: a counsellor helps the person decide and "
                        "prepare.</li>"
                        "<li><b>Return</b>: the journey is organised and paid for.</li>"
                        "<li><b>Reintegration</b>: support after arrival makes the return "
                        "last.</li></ol>",
                    ),
                    ("heading", {"text": "Passive and active communication", "level": "h3"}),
                    (
                        "rich_text",
                        "<p><b>Passive</b> communication waits for people to find it: "
                        "leaflets, the website, “return stories” told by people who went "
                        "home, and brochures handed out by first-line workers.</p>"
                        "<p><b>Active</b> communication goes to them, through partnerships "
                        "with cities. The people concerned mostly live in urban areas, and "
                        "local authorities know migrant communities best; the partnership "
                        "informs first-line social workers, who then reach the target "
                        "group.</p>",
                    ),
                    ("quiz", {"quiz": "components", "intro": "Three questions to check yourself."}),
                ],
            ),
        ],
    ),
    Module(
        title="Referring someone: the accompaniment network",
        summary="Who counsels a person who considers going home, and how to refer them.",
        lessons=[
            Lesson(
                title="Who accompanies a return",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Nobody has to find their way alone. The accompaniment network "
                        "offers the whole service through local partners and can be reached "
                        "on a free phone number:</p>"
                        "<ul><li>the return desks, where counsellors meet people in person;</li>"
                        "<li>a network of return partners, many of them civil-society "
                        "organisations;</li>"
                        "<li>the reception centres, whose social workers counsel residents;</li>"
                        "<li>“return places” in open reception centres, where a person follows "
                        "a step-by-step return trajectory together with the Immigration "
                        "Office.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "text": "<p>Counselling is information, not pressure. The person "
                            "decides; a referral never replaces their right to appeal a "
                            "decision or to ask for protection.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="A first conversation and a referral",
                minutes=10,
                body=[
                    (
                        "case_study",
                        {
                            "title": "At the foreigners desk",
                            "scenario": "<p>A man of 34 comes to the municipal foreigners "
                            "desk with an order to leave the territory. His asylum "
                            "application was refused. He says he is tired, misses his "
                            "family and asks whether anyone can pay for his ticket.</p>",
                            "question": "What do you tell him today, and to whom do you refer him?",
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "A good referral",
                            "items": [
                                "Explain that voluntary return exists and is free of charge.",
                                "Give the free phone number and the nearest return desk.",
                                "Ask, with consent, whether you may pass on contact details.",
                                "Mention family, health or other vulnerabilities to the "
                                "counsellor: they can change the support.",
                                "Do not promise amounts: the counsellor confirms them.",
                            ],
                        },
                    ),
                ],
            ),
        ],
    ),
    Module(
        title="Return and reintegration support",
        summary="The journey, the return premium, reintegration support and who receives it.",
        lessons=[
            Lesson(
                title="The journey and the return premium",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>The programme organises the practical side of the return: it "
                        "books the plane or bus ticket to the country of origin and arranges "
                        "assistance at the airports of departure, transit and arrival.</p>"
                        "<p>Each returnee also receives a <b>return premium</b>: "
                        "<b>EUR 250 per adult</b> and <b>EUR 125 per child</b>.</p>",
                    ),
                    ("h5p", {"package": "return_premium", "required": True, "pass_score": 1.0}),
                ],
            ),
            Lesson(
                title="Reintegration support and who is eligible",
                minutes=12,
                body=[
                    (
                        "rich_text",
                        "<p>Reintegration support helps a person rebuild a life after "
                        "arrival, so that the return lasts. It depends on the person's "
                        "situation:</p>"
                        "<ul><li><b>Asylum seekers and rejected applicants</b>: EUR 700 per "
                        "person (EUR 350 per child), and EUR 1,500 per file for a "
                        "micro-business or a wage subsidy.</li>"
                        "<li><b>People who never entered a procedure</b>: return support, "
                        "but no reintegration support.</li>"
                        "<li><b>Vulnerability</b>: top-ups of EUR 500 for vulnerable groups, "
                        "EUR 500 for families and up to EUR 1,000 in exceptional cases, "
                        "decided case by case.</li></ul>"
                        "<p>The support is mostly in kind: income-generating activities "
                        "(with peer-to-peer meetings and individual training), help to find "
                        "work, and social support such as access to health care and civil "
                        "registration.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": "<p>Amounts change over time and top-ups are decided "
                            "case by case. Give them as an indication and let the return "
                            "counsellor confirm.</p>",
                        },
                    ),
                ],
            ),
        ],
    ),
]


def _q(objective, text, choices, explanation=""):
    return Question(
        objective=objective,
        text=text,
        choices=[Choice(t, correct=c) for t, c in choices],
        explanation=explanation,
    )


PRE_TEST = [
    _q(
        0,
        "Why does return policy prefer voluntary return to forced return?",
        [
            ("It is more humane and more cost-effective.", True),
            ("It is the only legal way to leave the country.", False),
            ("It cancels the order to leave the territory.", False),
        ],
    ),
    _q(
        0,
        "Which of these are components of the voluntary return programme? (Several answers.)",
        [
            ("Communication", True),
            ("Accompaniment", True),
            ("Detention", False),
            ("Reintegration", True),
        ],
    ),
    _q(
        1,
        "A person is thinking about going home. Where can you refer them?",
        [
            ("To a return desk or a return partner, or the free phone number.", True),
            ("Only to the police.", False),
            ("Nowhere: they must organise the return themselves.", False),
        ],
    ),
    _q(
        1,
        "What happens in a “return place” in an open reception centre?",
        [
            ("A step-by-step return trajectory together with the Immigration Office.", True),
            ("Detention until the flight.", False),
            ("A new asylum interview.", False),
        ],
    ),
    _q(
        2,
        "What return premium does an adult receive?",
        [("EUR 125", False), ("EUR 250", True), ("EUR 700", False)],
    ),
    _q(
        2,
        "What does the programme organise for the journey? (Several answers.)",
        [
            ("The plane or bus ticket to the country of origin.", True),
            ("Assistance at the airports of departure, transit and arrival.", True),
            ("A residence permit for the trip.", False),
        ],
    ),
    _q(
        3,
        "Someone never entered any procedure. Which support can they receive?",
        [
            ("Return support, but no reintegration support.", True),
            ("Reintegration support only.", False),
            ("Nothing at all.", False),
        ],
    ),
    _q(
        3,
        "How are the vulnerability top-ups decided?",
        [
            ("Case by case.", True),
            ("Automatically for every returnee.", False),
            ("By the airline.", False),
        ],
    ),
]

POST_TEST = [
    _q(
        0,
        "What is one of the aims of the voluntary return programme?",
        [
            ("Remove the obstacles that keep people from returning.", True),
            ("Replace every forced return.", False),
            ("Decide on asylum applications.", False),
        ],
        "The programme informs, supports, assists and removes obstacles to return.",
    ),
    _q(
        0,
        "Partnerships with cities are which kind of communication?",
        [("Active communication", True), ("Passive communication", False)],
        "Active communication goes to the target group, through local authorities who know "
        "migrant communities best.",
    ),
    _q(
        1,
        "Who belongs to the accompaniment network? (Several answers.)",
        [
            ("Return desks", True),
            ("Civil-society return partners", True),
            ("Reception centres", True),
            ("Airlines", False),
        ],
    ),
    _q(
        1,
        "What makes a good referral?",
        [
            ("Explaining the programme and, with consent, passing on contact details.", True),
            ("Promising an exact amount of money.", False),
            ("Deciding on the person's behalf that they will return.", False),
        ],
        "The person decides; the counsellor confirms amounts.",
    ),
    _q(
        2,
        "A couple returns with their two children. What return premium does the family receive?",
        [("EUR 500", False), ("EUR 750", True), ("EUR 1,000", False)],
        "2 × EUR 250 + 2 × EUR 125 = EUR 750.",
    ),
    _q(
        2,
        "How much reintegration support per file is available for a micro-business or a "
        "wage subsidy?",
        [("EUR 700", False), ("EUR 1,500", True), ("EUR 3,000", False)],
    ),
    _q(
        3,
        "A rejected asylum applicant returns alone. What reintegration support applies?",
        [
            ("EUR 700 for the person.", True),
            ("EUR 350 for the person.", False),
            ("No reintegration support.", False),
        ],
        "Asylum seekers and rejected applicants receive EUR 700 per person (EUR 350 per child).",
    ),
    _q(
        3,
        "What top-up can exceptional cases receive?",
        [
            ("Up to EUR 1,000, decided case by case.", True),
            ("EUR 5,000 for everyone.", False),
            ("None.", False),
        ],
    ),
]

PRACTICE = [
    PracticeQuiz(
        key="components",
        title="Check yourself: the four components",
        questions=[
            _q(
                0,
                "Leaflets and return stories are which kind of communication?",
                [("Passive", True), ("Active", False)],
            ),
            _q(
                0,
                "Which component makes a return last after arrival?",
                [("Reintegration", True), ("Communication", False), ("Return", False)],
            ),
            _q(
                1,
                "Who helps the person decide and prepare?",
                [("A return counsellor", True), ("The airline", False)],
            ),
        ],
    )
]

# --- French -------------------------------------------------------------------------------

FR_MODULES = [
    Module(
        title="Le programme et ses quatre composantes",
        summary="Pourquoi le retour volontaire passe en premier, et ce que le programme offre.",
        lessons=[
            Lesson(
                title="Pourquoi le retour volontaire passe en premier",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Une personne sans droit de séjour peut partir de deux façons : "
                        "par sa propre décision, avec un soutien, ou par un retour forcé "
                        "exécuté par les autorités. La politique de retour privilégie la "
                        "première : elle est plus humaine, elle laisse la personne maîtresse "
                        "de son départ et elle coûte bien moins que la détention et "
                        "l'éloignement sous escorte.</p>"
                        "<p>Le programme de retour volontaire poursuit quatre buts : veiller "
                        "à ce que les personnes concernées soient informées et puissent y "
                        "accéder ; offrir une aide adaptée à leurs besoins ; assister celles "
                        "qui veulent rentrer ; et lever les obstacles au retour.</p>",
                    ),
                    (
                        "glossary_term",
                        {
                            "term": "Retour volontaire",
                            "definition": "Un retour vers le pays d'origine que la personne "
                            "choisit, organisé et soutenu par le programme, par opposition "
                            "au retour forcé exécuté par les autorités.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": "<p>Le retour volontaire reste possible après un ordre "
                            "de quitter le territoire. En parler tôt laisse à la personne le "
                            "temps de préparer un retour accompagné.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Communication, accompagnement, retour, réintégration",
                minutes=10,
                body=[
                    ("heading", {"text": "Quatre composantes", "level": "h2"}),
                    (
                        "rich_text",
                        "<ol><li><b>Communication</b> : les personnes entendent parler du "
                        "programme à temps, dans une langue et un lieu en qui elles ont "
                        "confiance.</li>"
                        "<li><b>Accompagnement</b> : un conseiller aide la personne à décider "
                        "et à se préparer.</li>"
                        "<li><b>Retour</b> : le voyage est organisé et payé.</li>"
                        "<li><b>Réintégration</b> : un soutien après l'arrivée rend le retour "
                        "durable.</li></ol>",
                    ),
                    ("heading", {"text": "Communication passive et active", "level": "h3"}),
                    (
                        "rich_text",
                        "<p>La communication <b>passive</b> attend qu'on la trouve : "
                        "dépliants, site web, « récits de retour » racontés par des personnes "
                        "rentrées, brochures remises par les travailleurs de première "
                        "ligne.</p>"
                        "<p>La communication <b>active</b> va vers les personnes, par des "
                        "partenariats avec les villes. Le public concerné vit surtout en "
                        "milieu urbain, et les autorités locales connaissent le mieux les "
                        "communautés migrantes ; le partenariat informe les travailleurs "
                        "sociaux de première ligne, qui atteignent ensuite le public "
                        "cible.</p>",
                    ),
                    (
                        "quiz",
                        {"quiz": "components", "intro": "Trois questions pour vous tester."},
                    ),
                ],
            ),
        ],
    ),
    Module(
        title="Orienter une personne : le réseau d'accompagnement",
        summary="Qui conseille une personne qui envisage de rentrer, et comment l'orienter.",
        lessons=[
            Lesson(
                title="Qui accompagne un retour",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Personne ne doit se débrouiller seul. Le réseau d'accompagnement "
                        "offre un service complet par des partenaires locaux et est joignable "
                        "par un numéro de téléphone gratuit :</p>"
                        "<ul><li>les guichets retour, où des conseillers reçoivent les "
                        "personnes ;</li>"
                        "<li>un réseau de partenaires de retour, souvent des organisations "
                        "de la société civile ;</li>"
                        "<li>les centres d'accueil, dont les travailleurs sociaux conseillent "
                        "les résidents ;</li>"
                        "<li>les « places retour » dans les centres d'accueil ouverts, où la "
                        "personne suit un trajet de retour par étapes avec l'Office des "
                        "étrangers.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "text": "<p>Conseiller, c'est informer, pas faire pression. La "
                            "personne décide ; une orientation ne remplace jamais son droit "
                            "de contester une décision ou de demander une protection.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Un premier entretien et une orientation",
                minutes=10,
                body=[
                    (
                        "case_study",
                        {
                            "title": "Au service des étrangers",
                            "scenario": "<p>Un homme de 34 ans se présente au service "
                            "communal des étrangers avec un ordre de quitter le territoire. "
                            "Sa demande d'asile a été refusée. Il dit qu'il est fatigué, que "
                            "sa famille lui manque, et demande si quelqu'un peut payer son "
                            "billet.</p>",
                            "question": "Que lui dites-vous aujourd'hui, et vers qui "
                            "l'orientez-vous ?",
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Une bonne orientation",
                            "items": [
                                "Expliquez que le retour volontaire existe et qu'il est gratuit.",
                                "Donnez le numéro gratuit et le guichet retour le plus proche.",
                                "Demandez son accord avant de transmettre ses coordonnées.",
                                "Signalez au conseiller la famille, la santé ou d'autres "
                                "vulnérabilités : elles peuvent changer l'aide.",
                                "Ne promettez pas de montants : le conseiller les confirme.",
                            ],
                        },
                    ),
                ],
            ),
        ],
    ),
    Module(
        title="L'aide au retour et à la réintégration",
        summary="Le voyage, la prime de retour, l'aide à la réintégration et qui la reçoit.",
        lessons=[
            Lesson(
                title="Le voyage et la prime de retour",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Le programme organise l'aspect pratique du retour : il réserve "
                        "le billet d'avion ou de bus vers le pays d'origine et prévoit une "
                        "assistance aux aéroports de départ, de transit et d'arrivée.</p>"
                        "<p>Chaque personne qui rentre reçoit aussi une <b>prime de "
                        "retour</b> : <b>250 EUR par adulte</b> et <b>125 EUR par "
                        "enfant</b>.</p>",
                    ),
                    (
                        "h5p",
                        {"package": "return_premium_fr", "required": True, "pass_score": 1.0},
                    ),
                ],
            ),
            Lesson(
                title="L'aide à la réintégration et qui y a droit",
                minutes=12,
                body=[
                    (
                        "rich_text",
                        "<p>L'aide à la réintégration aide la personne à reconstruire sa vie "
                        "après l'arrivée, pour que le retour soit durable. Elle dépend de sa "
                        "situation :</p>"
                        "<ul><li><b>Demandeurs d'asile et personnes déboutées</b> : 700 EUR "
                        "par personne (350 EUR par enfant), et 1 500 EUR par dossier pour "
                        "une micro-entreprise ou une subvention salariale.</li>"
                        "<li><b>Personnes qui n'ont jamais suivi de procédure</b> : une aide "
                        "au retour, mais pas d'aide à la réintégration.</li>"
                        "<li><b>Vulnérabilité</b> : des compléments de 500 EUR pour les "
                        "groupes vulnérables, 500 EUR pour les familles et jusqu'à 1 000 EUR "
                        "pour des situations exceptionnelles, décidés au cas par cas.</li>"
                        "</ul>"
                        "<p>L'aide est surtout en nature : activités génératrices de revenus "
                        "(avec rencontres entre pairs et formations individuelles), aide à "
                        "l'emploi, et accompagnement social comme l'accès aux soins de santé "
                        "et l'inscription à l'état civil.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": "<p>Les montants évoluent et les compléments sont décidés "
                            "au cas par cas. Donnez-les à titre indicatif et laissez le "
                            "conseiller en retour les confirmer.</p>",
                        },
                    ),
                ],
            ),
        ],
    ),
]

FR_PRE_TEST = [
    _q(
        0,
        "Pourquoi la politique de retour privilégie-t-elle le retour volontaire au retour forcé ?",
        [
            ("Il est plus humain et plus efficace en termes de coûts.", True),
            ("C'est la seule façon légale de quitter le pays.", False),
            ("Il annule l'ordre de quitter le territoire.", False),
        ],
    ),
    _q(
        0,
        "Lesquelles de ces composantes font partie du programme de retour volontaire ? "
        "(Plusieurs réponses.)",
        [
            ("La communication", True),
            ("L'accompagnement", True),
            ("La détention", False),
            ("La réintégration", True),
        ],
    ),
    _q(
        1,
        "Une personne envisage de rentrer. Vers qui pouvez-vous l'orienter ?",
        [
            ("Vers un guichet retour, un partenaire de retour ou le numéro gratuit.", True),
            ("Uniquement vers la police.", False),
            ("Nulle part : elle doit organiser son retour seule.", False),
        ],
    ),
    _q(
        1,
        "Que se passe-t-il dans une « place retour » d'un centre d'accueil ouvert ?",
        [
            ("Un trajet de retour par étapes avec l'Office des étrangers.", True),
            ("Une détention jusqu'au vol.", False),
            ("Une nouvelle audition d'asile.", False),
        ],
    ),
    _q(
        2,
        "Quelle prime de retour un adulte reçoit-il ?",
        [("125 EUR", False), ("250 EUR", True), ("700 EUR", False)],
    ),
    _q(
        2,
        "Qu'est-ce que le programme organise pour le voyage ? (Plusieurs réponses.)",
        [
            ("Le billet d'avion ou de bus vers le pays d'origine.", True),
            ("Une assistance aux aéroports de départ, de transit et d'arrivée.", True),
            ("Un titre de séjour pour le voyage.", False),
        ],
    ),
    _q(
        3,
        "Une personne n'a jamais suivi de procédure. Quelle aide peut-elle recevoir ?",
        [
            ("Une aide au retour, mais pas d'aide à la réintégration.", True),
            ("Uniquement une aide à la réintégration.", False),
            ("Aucune aide.", False),
        ],
    ),
    _q(
        3,
        "Comment les compléments pour vulnérabilité sont-ils décidés ?",
        [
            ("Au cas par cas.", True),
            ("Automatiquement pour chaque personne.", False),
            ("Par la compagnie aérienne.", False),
        ],
    ),
]

FR_POST_TEST = [
    _q(
        0,
        "Quel est l'un des buts du programme de retour volontaire ?",
        [
            ("Lever les obstacles qui empêchent les personnes de rentrer.", True),
            ("Remplacer tous les retours forcés.", False),
            ("Statuer sur les demandes d'asile.", False),
        ],
        "Le programme informe, soutient, assiste et lève les obstacles au retour.",
    ),
    _q(
        0,
        "Les partenariats avec les villes relèvent de quel type de communication ?",
        [("La communication active", True), ("La communication passive", False)],
        "La communication active va vers le public cible, par les autorités locales qui "
        "connaissent le mieux les communautés migrantes.",
    ),
    _q(
        1,
        "Qui fait partie du réseau d'accompagnement ? (Plusieurs réponses.)",
        [
            ("Les guichets retour", True),
            ("Les partenaires de retour de la société civile", True),
            ("Les centres d'accueil", True),
            ("Les compagnies aériennes", False),
        ],
    ),
    _q(
        1,
        "Qu'est-ce qu'une bonne orientation ?",
        [
            ("Expliquer le programme et, avec son accord, transmettre ses coordonnées.", True),
            ("Promettre un montant précis.", False),
            ("Décider à la place de la personne qu'elle rentrera.", False),
        ],
        "La personne décide ; le conseiller confirme les montants.",
    ),
    _q(
        2,
        "Un couple rentre avec ses deux enfants. Quelle prime de retour la famille reçoit-elle ?",
        [("500 EUR", False), ("750 EUR", True), ("1 000 EUR", False)],
        "2 × 250 EUR + 2 × 125 EUR = 750 EUR.",
    ),
    _q(
        2,
        "Quelle aide à la réintégration par dossier est prévue pour une micro-entreprise ou "
        "une subvention salariale ?",
        [("700 EUR", False), ("1 500 EUR", True), ("3 000 EUR", False)],
    ),
    _q(
        3,
        "Une personne déboutée de l'asile rentre seule. Quelle aide à la réintégration "
        "s'applique ?",
        [
            ("700 EUR pour la personne.", True),
            ("350 EUR pour la personne.", False),
            ("Aucune aide à la réintégration.", False),
        ],
        "Les demandeurs d'asile et les personnes déboutées reçoivent 700 EUR par personne "
        "(350 EUR par enfant).",
    ),
    _q(
        3,
        "Quel complément les situations exceptionnelles peuvent-elles recevoir ?",
        [
            ("Jusqu'à 1 000 EUR, décidé au cas par cas.", True),
            ("5 000 EUR pour tout le monde.", False),
            ("Aucun.", False),
        ],
    ),
]

FR_PRACTICE = [
    PracticeQuiz(
        key="components",
        title="Testez-vous : les quatre composantes",
        questions=[
            _q(
                0,
                "Les dépliants et les récits de retour relèvent de quel type de communication ?",
                [("Passive", True), ("Active", False)],
            ),
            _q(
                0,
                "Quelle composante rend le retour durable après l'arrivée ?",
                [("La réintégration", True), ("La communication", False), ("Le retour", False)],
            ),
            _q(
                1,
                "Qui aide la personne à décider et à se préparer ?",
                [("Un conseiller en retour", True), ("La compagnie aérienne", False)],
            ),
        ],
    )
]

# --- Dutch --------------------------------------------------------------------------------

NL_MODULES = [
    Module(
        title="Het programma en zijn vier onderdelen",
        summary="Waarom vrijwillige terugkeer voorrang krijgt, en wat het programma biedt.",
        lessons=[
            Lesson(
                title="Waarom vrijwillige terugkeer voorrang krijgt",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Wie geen verblijfsrecht heeft, kan op twee manieren vertrekken: "
                        "op eigen beslissing, met ondersteuning, of via een gedwongen "
                        "terugkeer die de overheid uitvoert. Het terugkeerbeleid verkiest het "
                        "eerste: het is menselijker, de persoon houdt zelf de regie over "
                        "het vertrek, en het kost veel minder dan detentie en een "
                        "verwijdering onder begeleiding.</p>"
                        "<p>Het programma voor vrijwillige terugkeer heeft vier doelen: "
                        "ervoor zorgen dat de betrokkenen geïnformeerd zijn en er toegang toe "
                        "hebben; hulp bieden die bij hun noden past; wie wil terugkeren "
                        "bijstaan; en de hindernissen voor terugkeer wegnemen.</p>",
                    ),
                    (
                        "glossary_term",
                        {
                            "term": "Vrijwillige terugkeer",
                            "definition": "Een terugkeer naar het land van herkomst waarvoor "
                            "de persoon zelf kiest, georganiseerd en ondersteund door het "
                            "programma, in tegenstelling tot een gedwongen terugkeer door de "
                            "overheid.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": "<p>Vrijwillige terugkeer blijft mogelijk na een bevel "
                            "om het grondgebied te verlaten. Als je het vroeg vermeldt, heeft "
                            "de persoon tijd om een begeleide terugkeer voor te "
                            "bereiden.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Communicatie, begeleiding, terugkeer, re-integratie",
                minutes=10,
                body=[
                    ("heading", {"text": "Vier onderdelen", "level": "h2"}),
                    (
                        "rich_text",
                        "<ol><li><b>Communicatie</b>: mensen horen op tijd over het "
                        "programma, in een taal en op een plek die ze vertrouwen.</li>"
                        "<li><b>Begeleiding</b>: een consulent helpt de persoon beslissen en "
                        "zich voorbereiden.</li>"
                        "<li><b>Terugkeer</b>: de reis wordt georganiseerd en betaald.</li>"
                        "<li><b>Re-integratie</b>: steun na aankomst maakt de terugkeer "
                        "duurzaam.</li></ol>",
                    ),
                    ("heading", {"text": "Passieve en actieve communicatie", "level": "h3"}),
                    (
                        "rich_text",
                        "<p><b>Passieve</b> communicatie wacht tot mensen ze vinden: folders, "
                        "de website, “terugkeerverhalen” van mensen die teruggingen, en "
                        "brochures van eerstelijnswerkers.</p>"
                        "<p><b>Actieve</b> communicatie gaat naar hen toe, via partnerschappen "
                        "met steden. De doelgroep woont vooral in stedelijke gebieden, en "
                        "lokale besturen kennen migrantengemeenschappen het best; het "
                        "partnerschap informeert eerstelijns maatschappelijk werkers, die "
                        "vervolgens de doelgroep bereiken.</p>",
                    ),
                    ("quiz", {"quiz": "components", "intro": "Drie vragen om jezelf te testen."}),
                ],
            ),
        ],
    ),
    Module(
        title="Iemand doorverwijzen: het begeleidingsnetwerk",
        summary="Wie iemand begeleidt die overweegt terug te keren, en hoe je doorverwijst.",
        lessons=[
            Lesson(
                title="Wie een terugkeer begeleidt",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Niemand moet het alleen uitzoeken. Het begeleidingsnetwerk biedt "
                        "de volledige dienstverlening via lokale partners en is bereikbaar "
                        "via een gratis telefoonnummer:</p>"
                        "<ul><li>de terugkeerloketten, waar consulenten mensen persoonlijk "
                        "ontvangen;</li>"
                        "<li>een netwerk van terugkeerpartners, vaak organisaties uit het "
                        "middenveld;</li>"
                        "<li>de opvangcentra, waar maatschappelijk werkers de bewoners "
                        "begeleiden;</li>"
                        "<li>“terugkeerplaatsen” in open opvangcentra, waar iemand stap voor "
                        "stap een terugkeertraject volgt samen met de Dienst "
                        "Vreemdelingenzaken.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "text": "<p>Begeleiden is informeren, geen druk zetten. De "
                            "persoon beslist; een doorverwijzing vervangt nooit het recht om "
                            "een beslissing aan te vechten of bescherming te vragen.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Een eerste gesprek en een doorverwijzing",
                minutes=10,
                body=[
                    (
                        "case_study",
                        {
                            "title": "Aan het vreemdelingenloket",
                            "scenario": "<p>Een man van 34 komt naar het gemeentelijke "
                            "vreemdelingenloket met een bevel om het grondgebied te verlaten. "
                            "Zijn asielaanvraag werd geweigerd. Hij zegt dat hij moe is, zijn "
                            "familie mist, en vraagt of iemand zijn ticket kan betalen.</p>",
                            "question": "Wat vertel je hem vandaag, en naar wie verwijs je "
                            "hem door?",
                        },
                    ),
                    (
                        "checklist",
                        {
                            "title": "Een goede doorverwijzing",
                            "items": [
                                "Leg uit dat vrijwillige terugkeer bestaat en gratis is.",
                                "Geef het gratis nummer en het dichtstbijzijnde terugkeerloket.",
                                "Vraag toestemming voor je contactgegevens doorgeeft.",
                                "Meld gezin, gezondheid of andere kwetsbaarheden aan de "
                                "consulent: ze kunnen de steun veranderen.",
                                "Beloof geen bedragen: de consulent bevestigt ze.",
                            ],
                        },
                    ),
                ],
            ),
        ],
    ),
    Module(
        title="Terugkeer- en re-integratiesteun",
        summary="De reis, de terugkeerpremie, re-integratiesteun en wie ze krijgt.",
        lessons=[
            Lesson(
                title="De reis en de terugkeerpremie",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Het programma regelt de praktische kant van de terugkeer: het "
                        "boekt het vliegtuig- of busticket naar het land van herkomst en "
                        "zorgt voor hulp op de luchthavens van vertrek, transit en "
                        "aankomst.</p>"
                        "<p>Wie terugkeert, krijgt ook een <b>terugkeerpremie</b>: <b>250 "
                        "euro per volwassene</b> en <b>125 euro per kind</b>.</p>",
                    ),
                    (
                        "h5p",
                        {"package": "return_premium_nl", "required": True, "pass_score": 1.0},
                    ),
                ],
            ),
            Lesson(
                title="Re-integratiesteun en wie er recht op heeft",
                minutes=12,
                body=[
                    (
                        "rich_text",
                        "<p>Re-integratiesteun helpt iemand na aankomst een leven op te "
                        "bouwen, zodat de terugkeer duurzaam is. Ze hangt af van de "
                        "situatie:</p>"
                        "<ul><li><b>Asielzoekers en uitgeprocedeerde personen</b>: 700 euro "
                        "per persoon (350 euro per kind), en 1.500 euro per dossier voor een "
                        "micro-onderneming of een loonsubsidie.</li>"
                        "<li><b>Mensen die nooit een procedure volgden</b>: terugkeersteun, "
                        "maar geen re-integratiesteun.</li>"
                        "<li><b>Kwetsbaarheid</b>: aanvullingen van 500 euro voor kwetsbare "
                        "groepen, 500 euro voor gezinnen en tot 1.000 euro voor uitzonderlijke "
                        "gevallen, geval per geval beslist.</li></ul>"
                        "<p>De steun is vooral in natura: inkomensgenererende activiteiten "
                        "(met peer-to-peerbijeenkomsten en individuele opleidingen), hulp bij "
                        "werk, en sociale begeleiding zoals toegang tot medische zorg en "
                        "inschrijving in de burgerlijke stand.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": "<p>Bedragen veranderen en aanvullingen worden geval per "
                            "geval beslist. Geef ze als indicatie en laat de "
                            "terugkeerconsulent ze bevestigen.</p>",
                        },
                    ),
                ],
            ),
        ],
    ),
]

NL_PRE_TEST = [
    _q(
        0,
        "Waarom verkiest het terugkeerbeleid vrijwillige terugkeer boven gedwongen terugkeer?",
        [
            ("Ze is menselijker en kostenefficiënter.", True),
            ("Het is de enige legale manier om het land te verlaten.", False),
            ("Ze vernietigt het bevel om het grondgebied te verlaten.", False),
        ],
    ),
    _q(
        0,
        "Welke hiervan zijn onderdelen van het programma voor vrijwillige terugkeer? "
        "(Meerdere antwoorden.)",
        [
            ("Communicatie", True),
            ("Begeleiding", True),
            ("Detentie", False),
            ("Re-integratie", True),
        ],
    ),
    _q(
        1,
        "Iemand denkt erover terug te keren. Naar wie kun je doorverwijzen?",
        [
            ("Naar een terugkeerloket, een terugkeerpartner of het gratis nummer.", True),
            ("Alleen naar de politie.", False),
            ("Nergens naartoe: de persoon moet de terugkeer zelf regelen.", False),
        ],
    ),
    _q(
        1,
        "Wat gebeurt er op een “terugkeerplaats” in een open opvangcentrum?",
        [
            ("Een stapsgewijs terugkeertraject samen met de Dienst Vreemdelingenzaken.", True),
            ("Detentie tot de vlucht.", False),
            ("Een nieuw asielgehoor.", False),
        ],
    ),
    _q(
        2,
        "Welke terugkeerpremie krijgt een volwassene?",
        [("125 euro", False), ("250 euro", True), ("700 euro", False)],
    ),
    _q(
        2,
        "Wat regelt het programma voor de reis? (Meerdere antwoorden.)",
        [
            ("Het vliegtuig- of busticket naar het land van herkomst.", True),
            ("Hulp op de luchthavens van vertrek, transit en aankomst.", True),
            ("Een verblijfsvergunning voor de reis.", False),
        ],
    ),
    _q(
        3,
        "Iemand volgde nooit een procedure. Welke steun kan die persoon krijgen?",
        [
            ("Terugkeersteun, maar geen re-integratiesteun.", True),
            ("Alleen re-integratiesteun.", False),
            ("Helemaal niets.", False),
        ],
    ),
    _q(
        3,
        "Hoe worden de aanvullingen voor kwetsbaarheid beslist?",
        [
            ("Geval per geval.", True),
            ("Automatisch voor iedereen die terugkeert.", False),
            ("Door de luchtvaartmaatschappij.", False),
        ],
    ),
]

NL_POST_TEST = [
    _q(
        0,
        "Wat is een van de doelen van het programma voor vrijwillige terugkeer?",
        [
            ("De hindernissen wegnemen die mensen beletten terug te keren.", True),
            ("Elke gedwongen terugkeer vervangen.", False),
            ("Beslissen over asielaanvragen.", False),
        ],
        "Het programma informeert, ondersteunt, begeleidt en neemt hindernissen weg.",
    ),
    _q(
        0,
        "Partnerschappen met steden zijn welk soort communicatie?",
        [("Actieve communicatie", True), ("Passieve communicatie", False)],
        "Actieve communicatie gaat naar de doelgroep toe, via lokale besturen die "
        "migrantengemeenschappen het best kennen.",
    ),
    _q(
        1,
        "Wie hoort bij het begeleidingsnetwerk? (Meerdere antwoorden.)",
        [
            ("Terugkeerloketten", True),
            ("Terugkeerpartners uit het middenveld", True),
            ("Opvangcentra", True),
            ("Luchtvaartmaatschappijen", False),
        ],
    ),
    _q(
        1,
        "Wat is een goede doorverwijzing?",
        [
            ("Het programma uitleggen en, met toestemming, contactgegevens doorgeven.", True),
            ("Een exact bedrag beloven.", False),
            ("In de plaats van de persoon beslissen dat die terugkeert.", False),
        ],
        "De persoon beslist; de consulent bevestigt de bedragen.",
    ),
    _q(
        2,
        "Een koppel keert terug met zijn twee kinderen. Welke terugkeerpremie krijgt het gezin?",
        [("500 euro", False), ("750 euro", True), ("1.000 euro", False)],
        "2 × 250 euro + 2 × 125 euro = 750 euro.",
    ),
    _q(
        2,
        "Hoeveel re-integratiesteun per dossier is er voor een micro-onderneming of een "
        "loonsubsidie?",
        [("700 euro", False), ("1.500 euro", True), ("3.000 euro", False)],
    ),
    _q(
        3,
        "Een uitgeprocedeerde asielzoeker keert alleen terug. Welke re-integratiesteun geldt?",
        [
            ("700 euro voor de persoon.", True),
            ("350 euro voor de persoon.", False),
            ("Geen re-integratiesteun.", False),
        ],
        "Asielzoekers en uitgeprocedeerde personen krijgen 700 euro per persoon (350 euro per "
        "kind).",
    ),
    _q(
        3,
        "Welke aanvulling kunnen uitzonderlijke gevallen krijgen?",
        [
            ("Tot 1.000 euro, geval per geval beslist.", True),
            ("5.000 euro voor iedereen.", False),
            ("Geen.", False),
        ],
    ),
]

NL_PRACTICE = [
    PracticeQuiz(
        key="components",
        title="Test jezelf: de vier onderdelen",
        questions=[
            _q(
                0,
                "Folders en terugkeerverhalen zijn welk soort communicatie?",
                [("Passief", True), ("Actief", False)],
            ),
            _q(
                0,
                "Welk onderdeel maakt de terugkeer duurzaam na aankomst?",
                [("Re-integratie", True), ("Communicatie", False), ("Terugkeer", False)],
            ),
            _q(
                1,
                "Wie helpt de persoon beslissen en zich voorbereiden?",
                [("Een terugkeerconsulent", True), ("De luchtvaartmaatschappij", False)],
            ),
        ],
    )
]

COURSE = Course(
    slug="voluntary-return",
    title="Voluntary return: the programme and how to refer someone",
    summary="For civil-society and municipal staff who meet people without a right to stay: "
    "the four components of the voluntary return programme, the accompaniment network, the "
    "return premium and reintegration support with their amounts, and who is eligible.",
    topic="voluntary-return",
    audiences=["civil_society", "municipal_staff", "student"],
    objectives=OBJECTIVES,
    modules=MODULES,
    pre_test=PRE_TEST,
    post_test=POST_TEST,
    practice_quizzes=PRACTICE,
    sessions=[
        Session(
            title="Information session for first-line social workers",
            city="Brussels",
            venue="Liaison training room",
            days_from_now=21,
        ),
        Session(
            title="Voluntary return in practice: a workshop with return counsellors",
            city="Antwerp",
            venue="City hall, meeting room",
            days_from_now=35,
            hours=3.5,
        ),
    ],
    estimated_hours=1.5,
    certificate_text="The holder can explain the voluntary return programme, its return and "
    "reintegration support, and refer a person to the accompaniment network.",
    translations=[
        Translation(
            language="fr",
            title="Le retour volontaire : le programme et comment orienter une personne",
            summary="Pour les travailleurs de la société civile et des communes qui "
            "rencontrent des personnes sans droit de séjour : les quatre composantes du "
            "programme de retour volontaire, le réseau d'accompagnement, la prime de retour et "
            "l'aide à la réintégration avec leurs montants, et qui y a droit.",
            objectives=[
                "Expliquer pourquoi le retour volontaire est privilégié et nommer les quatre "
                "composantes du programme.",
                "Décrire le réseau d'accompagnement et orienter une personne vers un guichet "
                "ou un partenaire de retour.",
                "Indiquer l'aide au retour et à la réintégration, avec ses montants.",
                "Dire qui a droit à quelle aide, et quand elle est décidée au cas par cas.",
            ],
            modules=FR_MODULES,
            pre_test=FR_PRE_TEST,
            post_test=FR_POST_TEST,
            practice_quizzes=FR_PRACTICE,
            certificate_text="Le titulaire sait expliquer le programme de retour volontaire, "
            "son aide au retour et à la réintégration, et orienter une personne vers le réseau "
            "d'accompagnement.",
        ),
        Translation(
            language="nl",
            title="Vrijwillige terugkeer: het programma en hoe je iemand doorverwijst",
            summary="Voor medewerkers van het middenveld en de gemeenten die mensen zonder "
            "verblijfsrecht ontmoeten: de vier onderdelen van het programma voor vrijwillige "
            "terugkeer, het begeleidingsnetwerk, de terugkeerpremie en re-integratiesteun met "
            "de bedragen, en wie er recht op heeft.",
            objectives=[
                "Uitleggen waarom vrijwillige terugkeer de voorkeur krijgt en de vier "
                "onderdelen van het programma noemen.",
                "Het begeleidingsnetwerk beschrijven en iemand doorverwijzen naar een "
                "terugkeerloket of -partner.",
                "De terugkeer- en re-integratiesteun met de bedragen weergeven.",
                "Zeggen wie recht heeft op welke steun, en wanneer die geval per geval wordt "
                "beslist.",
            ],
            modules=NL_MODULES,
            pre_test=NL_PRE_TEST,
            post_test=NL_POST_TEST,
            practice_quizzes=NL_PRACTICE,
            certificate_text="De houder kan het programma voor vrijwillige terugkeer en de "
            "terugkeer- en re-integratiesteun uitleggen, en iemand doorverwijzen naar het "
            "begeleidingsnetwerk.",
        ),
    ],
)
