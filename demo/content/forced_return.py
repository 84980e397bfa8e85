"""Course 2: forced return procedures for local police (English)."""

from demo.content.schema import Choice, Course, Lesson, Module, Question, Session

OBJECTIVES = [
    "Describe the roles of the Immigration Office, local police, municipalities, public "
    "prosecutors and provincial governors in a forced return.",
    "Follow the steps of a police check of a person in irregular stay, from the check to the "
    "Immigration Office's decision.",
    "Respect the person's rights throughout, including the absolute principle of non-refoulement.",
    "Use local liaison officers and information exchange to make cooperation work.",
]

MODULES = [
    Module(
        title="Who does what in a forced return",
        summary="The services involved and where each one's responsibility stops.",
        lessons=[
            Lesson(
                title="One decision, several services",
                minutes=10,
                body=[
                    (
                        "rich_text",
                        "<p>A forced return is the last step of a procedure, taken when a "
                        "person has no right to stay and has not left on their own. It is "
                        "always a decision of the <b>Immigration Office</b>, which decides on "
                        "residence, issues orders to leave the territory and decides whether "
                        "a person is held for removal. It is carried out together with "
                        "others:</p>"
                        "<ul><li><b>Local police</b> meet people in irregular stay on the "
                        "street, during checks or at an address, inform the Immigration "
                        "Office and carry out its instructions.</li>"
                        "<li><b>Municipalities</b> register residents at the population and "
                        "foreigners desks and hand over the Immigration Office's decisions to "
                        "the people concerned.</li>"
                        "<li><b>Public prosecutors</b> act when an offence is involved, such "
                        "as trafficking in human beings, smuggling or document fraud: the "
                        "criminal procedure then has its own rules.</li>"
                        "<li><b>Provincial governors</b> coordinate the approach to transit "
                        "migration with the police and municipalities of their "
                        "province.</li></ul>",
                    ),
                    (
                        "glossary_term",
                        {
                            "term": "Order to leave the territory",
                            "definition": "The Immigration Office's decision that a person "
                            "must leave, usually within a period in which they can still "
                            "leave voluntarily, with support.",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Why field services get it wrong",
                minutes=8,
                body=[
                    (
                        "rich_text",
                        "<p>Experience in the large cities shows the same pattern: the "
                        "services in the field often do not know the Immigration Office's "
                        "return procedures well. A patrol does not know whom to call at "
                        "night, a desk does not know what a decision means for the person in "
                        "front of it, and files stall between services.</p>"
                        "<p>Classic training sessions alone did not fix this in the short "
                        "term. What worked was a person: a <b>local liaison officer</b> from "
                        "the Immigration Office, seconded to a city, whom every service can "
                        "call.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": "<p>Save your city's liaison officer and the Immigration "
                            "Office's permanence number in your phone before you need "
                            "them.</p>",
                        },
                    ),
                ],
            ),
        ],
    ),
    Module(
        title="The procedure step by step",
        summary="From the check on the street to the Immigration Office's decision.",
        lessons=[
            Lesson(
                title="Checking a person in irregular stay",
                minutes=12,
                body=[
                    (
                        "checklist",
                        {
                            "title": "During the check",
                            "items": [
                                "Establish identity with the documents the person has, and "
                                "note what is missing.",
                                "Check the person's status in the databases you have access to.",
                                "Contact the Immigration Office without delay and give it "
                                "the facts it asks for.",
                                "Note any sign of vulnerability: a minor, illness, "
                                "pregnancy, a victim of trafficking.",
                                "Carry out the Immigration Office's decision and write the report.",
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "legal",
                            "text": "<p>An administrative arrest is short and limited by law. "
                            "Call the Immigration Office at once, so that it can decide in "
                            "time; you do not decide on residence yourself.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="A night patrol",
                minutes=10,
                body=[
                    (
                        "case_study",
                        {
                            "title": "Two men at a motorway parking area",
                            "scenario": "<p>At 2 a.m. a patrol finds two young men in a "
                            "lorry's trailer at a parking area. They have no documents. One "
                            "says he is 16 and wants to reach the United Kingdom; the other "
                            "does not speak.</p>",
                            "question": "Which services do you involve, in what order, and "
                            "what do you note about the young man who says he is 16?",
                        },
                    ),
                    (
                        "rich_text",
                        "<p>A person who says they are a minor is treated as one until their "
                        "age is established. Unaccompanied minors are referred to the "
                        "guardianship service; a possible smuggling offence goes to the "
                        "public prosecutor; the Immigration Office decides on the stay.</p>",
                    ),
                ],
            ),
        ],
    ),
    Module(
        title="Rights, non-refoulement and cooperation",
        summary="The limits every service respects, and how liaisons make cooperation work.",
        lessons=[
            Lesson(
                title="The person's rights and non-refoulement",
                minutes=12,
                body=[
                    (
                        "rich_text",
                        "<p>Every step of a forced return happens within fundamental rights. "
                        "The person is told, in a language they understand, what is "
                        "happening and why; they can contest the decision before an "
                        "independent court; force is used only when necessary and in "
                        "proportion; and vulnerable persons get the care their situation "
                        "calls for.</p>",
                    ),
                    (
                        "glossary_term",
                        {
                            "term": "Non-refoulement",
                            "definition": "Nobody may be sent to a country where they face a "
                            "real risk of the death penalty, torture or inhuman or degrading "
                            "treatment. The principle is absolute: no exception, whatever "
                            "the person has done.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "text": "<p>If a person says they fear for their life or safety "
                            "in their country, write it down and pass it on to the "
                            "Immigration Office at once. It is not for the patrol to judge "
                            "whether the fear is founded.</p>",
                        },
                    ),
                ],
            ),
            Lesson(
                title="Local liaisons and information exchange",
                minutes=10,
                body=[
                    (
                        "rich_text",
                        "<p>In the most concerned central cities, liaison officers seconded "
                        "from the Immigration Office connect local police, city "
                        "administrations, governors and social organisations. With "
                        "operational and policy staff they collect, exchange and analyse "
                        "information on irregular migration, trafficking and smuggling, "
                        "draw up operational action plans and propose improvements to "
                        "cooperation.</p>"
                        "<p>One such plan targeted a trafficking circuit that misused the "
                        "asylum and family-reunification procedures: investigations, searches "
                        "and arrests followed, carried out by the prosecutor's office, the "
                        "federal police, the family-reunification services and the city "
                        "together.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "text": "<p>Voluntary return stays the first option, even late in "
                            "a procedure: tell the person about it and refer them when they "
                            "are open to it.</p>",
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
        "Who decides whether a person in irregular stay is held for removal?",
        [
            ("The Immigration Office", True),
            ("The police officer who carried out the check", False),
            ("The municipality", False),
        ],
    ),
    _q(
        0,
        "What does a municipality do in the return procedure?",
        [
            ("It registers residents and hands over the Immigration Office's decisions.", True),
            ("It issues orders to leave the territory.", False),
            ("It escorts removals at the airport.", False),
        ],
    ),
    _q(
        1,
        "You check a person without a right to stay. What do you do first after establishing "
        "identity and status?",
        [
            ("Contact the Immigration Office without delay.", True),
            ("Decide yourself whether the person must leave.", False),
            ("Let the person go and write nothing.", False),
        ],
    ),
    _q(
        1,
        "Which of these are signs of vulnerability to note during a check? (Several answers.)",
        [
            ("The person says they are a minor.", True),
            ("The person is pregnant.", True),
            ("The person has no documents.", False),
            ("Signs that the person is a victim of trafficking.", True),
        ],
    ),
    _q(
        2,
        "Is the principle of non-refoulement absolute?",
        [
            ("Yes: it allows no exception.", True),
            ("No: it does not apply to people who committed offences.", False),
            ("Only for recognised refugees.", False),
        ],
    ),
    _q(
        2,
        "A person says they fear for their life if they are sent home. What do you do?",
        [
            ("Note it and pass it on to the Immigration Office at once.", True),
            ("Judge whether the fear is founded before passing it on.", False),
            ("Ignore it: the decision has been taken.", False),
        ],
    ),
    _q(
        3,
        "What is a local liaison officer?",
        [
            ("An Immigration Office officer seconded to a city to connect local services.", True),
            ("A lawyer who represents the person.", False),
            ("A police officer who escorts removals.", False),
        ],
    ),
    _q(
        3,
        "Why were local liaisons placed in the cities?",
        [
            (
                "Field services often did not know the return procedures, and training alone did "
                "not fix it.",
                True,
            ),
            ("To replace the police in checks.", False),
            ("To decide on asylum applications.", False),
        ],
    ),
]

POST_TEST = [
    _q(
        0,
        "Who acts when an offence such as smuggling or trafficking is involved?",
        [
            ("The public prosecutor", True),
            ("The provincial governor alone", False),
            ("The municipal foreigners desk", False),
        ],
        "The criminal procedure runs alongside the administrative one, under the prosecutor.",
    ),
    _q(
        0,
        "What role do provincial governors play?",
        [
            ("They coordinate the approach to transit migration in their province.", True),
            ("They issue orders to leave the territory.", False),
            ("They hear appeals against return decisions.", False),
        ],
    ),
    _q(
        1,
        "What happens once the Immigration Office has been informed?",
        [
            ("It decides, and the police carry out its decision and write the report.", True),
            ("The police decide, then inform the Immigration Office a week later.", False),
            ("The municipality decides on detention.", False),
        ],
    ),
    _q(
        1,
        "A young man without documents says he is 16. How do you treat him?",
        [
            (
                "As a minor until his age is established, and refer him to the guardianship "
                "service.",
                True,
            ),
            ("As an adult, since he has no document to prove his age.", False),
            ("As a smuggler.", False),
        ],
        "A person who says they are a minor is treated as one until their age is established.",
    ),
    _q(
        2,
        "Which rights does a person keep throughout a forced return? (Several answers.)",
        [
            ("To be told, in a language they understand, what is happening and why.", True),
            ("To contest the decision before an independent court.", True),
            ("That force is used only when necessary and in proportion.", True),
            ("To choose the date of the flight.", False),
        ],
    ),
    _q(
        2,
        "Nobody may be sent to a country where they face a real risk of…",
        [
            ("the death penalty, torture or inhuman or degrading treatment.", True),
            ("unemployment.", False),
            ("a lower standard of living.", False),
        ],
        "This is the principle of non-refoulement; it allows no exception.",
    ),
    _q(
        3,
        "What do liaisons do with police, cities and civil society? (Several answers.)",
        [
            ("Exchange and analyse information on irregular migration and trafficking.", True),
            ("Draw up operational action plans.", True),
            ("Propose improvements to cooperation.", True),
            ("Take residence decisions in the city's name.", False),
        ],
    ),
    _q(
        3,
        "A person in a forced return procedure asks whether they could still leave on their "
        "own. What do you say?",
        [
            ("Voluntary return stays the first option: refer them to the programme.", True),
            ("No: once the police are involved, only forced return is possible.", False),
            ("Only if they pay the ticket themselves.", False),
        ],
    ),
]

COURSE = Course(
    slug="forced-return-procedures",
    title="Forced return procedures for local police",
    summary="Who does what when a person in irregular stay must leave: the Immigration "
    "Office, police, municipalities, prosecutors and governors; the steps of a check; the "
    "person's rights and non-refoulement; and how local liaisons make cooperation work.",
    topic="forced-return",
    audiences=["police", "municipal_staff", "student"],
    objectives=OBJECTIVES,
    modules=MODULES,
    pre_test=PRE_TEST,
    post_test=POST_TEST,
    sessions=[
        Session(
            title="Forced return procedures: briefing for a police zone",
            city="Ghent",
            venue="Police zone training room",
            days_from_now=-30,
            capacity=25,
        ),
        Session(
            title="Forced return procedures: briefing for a police zone",
            city="Liège",
            venue="Police headquarters, briefing room",
            days_from_now=14,
            capacity=25,
        ),
        Session(
            title="Cooperation workshop: police, city and Immigration Office",
            city="Charleroi",
            venue="City hall, council room",
            days_from_now=28,
            hours=4,
        ),
    ],
    estimated_hours=2,
    certificate_text="The holder knows the roles of the services in a forced return, the "
    "steps of a police check, the person's rights and the principle of non-refoulement.",
)
