"""Course 6: training of trainers, for those who run information sessions on return."""

from demo.content.schema import Choice, Course, Lesson, Module, Question, Session

OBJECTIVES = [
    "Prepare an information session on return procedures for a named group: needs, "
    "learning objectives, agenda, materials and co-trainers.",
    "Apply adult-learning principles and active methods to engage a mixed group of practitioners.",
    "Handle difficult, emotional or out-of-scope questions accurately and respectfully.",
    "Evaluate a session with pre- and post-tests, a reaction survey and a follow-up, and "
    "report the results responsibly.",
    "Organise and support a cascade of trainers while keeping quality and tracking its reach.",
]

# --- Module 1 ----------------------------------------------------------------------------

KNOW_YOUR_GROUP = Lesson(
    title="Know your group and set objectives",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>An information session on return procedures is almost always given to a "
            "named group: an intervention team of a police zone, a class of criminology or "
            "social-work students, the staff of a municipal foreigners desk, a network of "
            "civil-society organisations. Each group meets returnees at a different moment "
            "and needs something different. A police officer needs to know what to "
            "transmit to the Immigration Office after an administrative check; a social "
            "worker needs to know where to refer someone who is thinking about voluntary "
            "return; a student needs the overall picture and its legal basis.</p>"
            "<p>Past experience in the field is instructive: classic one-off training did "
            "not by itself close the gap between field services and the Immigration "
            "Office's procedures. Sessions work best when they are tied to the "
            "participants' daily cases and to a contact person, such as a local liaison "
            "officer, they can call afterwards.</p>",
        ),
        ("heading", {"text": "A short needs assessment", "level": "h3"}),
        (
            "checklist",
            {
                "title": "Questions to ask the organiser before the session",
                "items": [
                    "Who will attend, from which services, and how many?",
                    "Which situations involving returnees do they meet, and how often?",
                    "What goes wrong today: incomplete reports, wrong referrals, "
                    "uncertainty about rights?",
                    "Which language or languages: French, Dutch, English?",
                    "How much time is available, and in which shift pattern?",
                    "Who can co-train: a liaison officer, a return counsellor, a specialised "
                    "centre?",
                ],
            },
        ),
        (
            "rich_text",
            "<p>Then write three to five <b>learning objectives</b> that state what "
            "participants will be able to <i>do</i> afterwards, for example: “explain to a "
            "person in irregular stay how to contact a return desk” rather than "
            "“know about voluntary return”. Objectives written this way guide the "
            "content and are the basis of the pre- and post-test.</p>",
        ),
    ],
)

AGENDA_AND_MATERIALS = Lesson(
    title="Designing the agenda and materials",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>A three-hour session can cover a lot, but not everything. Choose what the "
            "group needs and leave the rest to the online modules, which participants can "
            "take before or after the session. A workable structure:</p>"
            "<ol>"
            "<li><b>Opening</b>: introductions, objectives, the pre-test on the "
            "platform.</li>"
            "<li><b>The framework</b>: short input on the procedure and the rights that "
            "frame it.</li>"
            "<li><b>Practice</b>: cases from the participants' own work, in small "
            "groups.</li>"
            "<li><b>Who to call</b>: contacts, referral routes, the local liaison "
            "officer.</li>"
            "<li><b>Closing</b>: questions, the post-test and the reaction survey.</li>"
            "</ol>",
        ),
        (
            "checklist",
            {
                "title": "Materials and logistics",
                "items": [
                    "The session registered on the platform, with the participant list, so "
                    "that attendance and tests are recorded.",
                    "A room that allows work in small groups.",
                    "Case studies adapted to the audience and checked for accuracy.",
                    "A one-page handout with contacts and referral routes.",
                    "Slides in the participants' language, with legal references up to date.",
                    "A time plan with buffers for questions.",
                ],
            },
        ),
        (
            "rich_text",
            "<p>Adapt the format to the group. For police teams working shifts, two shorter "
            "sessions may reach more people than one long afternoon. In a bilingual setting, agree"
            " on the language beforehand or provide materials in both French and Dutch. Send the "
            "link to the pre-test and to the relevant online module a few days in advance, so that"
            " the session can start from what participants already know.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>Co-train across services. A session given together by a liaison "
                "officer of the Immigration Office and a return counsellor or an NGO worker "
                "shows the cooperation it describes, and each trainer can answer the "
                "questions of their own field.</p>",
            },
        ),
    ],
)

# --- Module 2 ----------------------------------------------------------------------------

HOW_ADULTS_LEARN = Lesson(
    title="How adults learn",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>Participants in these sessions are professionals. Many have years of "
            "experience, work shifts and arrive with a recent case in mind. The principles "
            "of adult learning, as described by Malcolm Knowles, help to use that:</p>"
            "<ul>"
            "<li>Adults need to know <b>why</b> they are learning something: start from the "
            "problem it solves in their work.</li>"
            "<li>They bring <b>experience</b>, which is a resource: ask for their cases and "
            "let them learn from each other.</li>"
            "<li>They are <b>problem-centred</b>: organise content around situations, not "
            "around articles of law.</li>"
            "<li>They want to be treated as <b>self-directing</b>: give choices and respect "
            "their judgement.</li>"
            "<li>They are mostly <b>internally motivated</b>: doing the job well and safely "
            "matters more than a certificate.</li>"
            "</ul>",
        ),
        (
            "glossary_term",
            {
                "term": "Experiential learning cycle",
                "definition": "David Kolb's model in which learning moves from a concrete "
                "experience to reflection, to a general idea or rule, and to trying it out "
                "in a new situation. A case discussion that ends with “what would you do "
                "next time?” follows this cycle.",
            },
        ),
        ("heading", {"text": "Active methods that work in this field", "level": "h3"}),
        (
            "rich_text",
            "<ul>"
            "<li><b>Case studies</b> from the participants' reality, in groups that mix "
            "services where possible.</li>"
            "<li><b>Role play</b>: explaining voluntary return to a person, or a first "
            "contact with a presumed victim, with an observer who gives feedback.</li>"
            "<li><b>Quick polls</b> and questions on the platform to check understanding "
            "and restart attention.</li>"
            "<li><b>“Who do you call?” exercises</b> in which groups build the referral "
            "route for a situation.</li>"
            "</ul>"
            "<p>Alternate short inputs with activities, and keep the legal detail for the "
            "handout and the online modules.</p>",
        ),
        (
            "rich_text",
            "<p>Mind the practical side too: participants who arrive after a night shift, or who "
            "may be called back to duty, need a session in which each part stands on its own.</p>",
        ),
    ],
)

DIFFICULT_QUESTIONS = Lesson(
    title="Handling difficult questions",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>Return is a subject on which people hold strong views. A trainer will meet "
            "participants who find return procedures too harsh, others who find them too "
            "lenient, and questions that go beyond the session or the trainer's "
            "competence. The trainer's role is not to win the debate but to give accurate "
            "information within the legal framework and keep the group working.</p>",
        ),
        (
            "checklist",
            {
                "title": "A technique for any difficult question",
                "items": [
                    "Listen to the end and acknowledge the concern behind the question.",
                    "Clarify: ask what situation the participant has in mind.",
                    "Answer with facts and the legal framework, not with your opinion.",
                    "If you do not know, say so, note it and promise a checked answer "
                    "after the session.",
                    "If it is off-topic, put it on a visible “parking” list and come "
                    "back to it at the end.",
                    "If it concerns an individual case, do not advise on it: refer to the "
                    "competent service.",
                ],
            },
        ),
        (
            "case_study",
            {
                "title": "A tense exchange",
                "scenario": "<p>During a session for a mixed group in Charleroi, a social "
                "worker says: “You are asking us to help the police deport our "
                "clients.” A police officer replies that social workers “hide people "
                "from the law”. The room goes quiet.</p>",
                "question": "How would you acknowledge both concerns, bring the discussion "
                "back to each service's role and to the rights that frame return, and "
                "continue the session?",
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>Never give an opinion on the outcome of a participant's or a "
                "client's individual file, and never share personal data about a case "
                "in a session. Explain the general rule and give the contact of the "
                "competent service.</p>",
            },
        ),
    ],
)

# --- Module 3 ----------------------------------------------------------------------------

EVALUATING = Lesson(
    title="Evaluating with tests and surveys",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>Programme managers must report not only how many people were trained, but "
            "whether the training was useful and changed practice. Evaluation is commonly "
            "organised in four levels, after Kirkpatrick:</p>"
            "<ol>"
            "<li><b>Reaction</b>: did participants find the session relevant and useful for "
            "their work? Measured by a short survey at the end.</li>"
            "<li><b>Learning</b>: did their knowledge improve? Measured by a pre-test and a "
            "post-test on the same objectives.</li>"
            "<li><b>Behaviour</b>: do they apply the procedures at work? Best measured "
            "three to six months later.</li>"
            "<li><b>Results</b>: the programme's own indicators, such as correctly referred "
            "cases or action plans made, recorded by managers.</li>"
            "</ol>",
        ),
        ("heading", {"text": "Pre-test and post-test", "level": "h3"}),
        (
            "rich_text",
            "<p>The pre-test is taken at the start, the post-test at the end, with "
            "different questions on the same objectives. Only participants who took both "
            "can be compared. The <b>normalised gain</b> expresses the improvement as a "
            "share of what could still be learnt: (post − pre) / (100 − pre). A gain "
            "below 0.3 is low, from 0.3 to 0.7 medium, above 0.7 high. Always show it next "
            "to the number of participants who dropped out along the way.</p>",
        ),
        (
            "rich_text",
            "<p>Write test questions with care. Each question tests one objective, with plausible "
            "wrong answers and feedback that explains why they are wrong. The platform's item "
            "analysis flags questions that do not separate stronger from weaker participants; a "
            "negative value often means that the answer key is wrong.</p>",
        ),
        (
            "glossary_term",
            {
                "term": "Net promoter score",
                "definition": "The share of participants answering 9 or 10 to “would you "
                "recommend this session to a colleague?” on a 0–10 scale, minus the "
                "share answering 0 to 6. It ranges from −100 to 100.",
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>A participant's intention to apply what they learnt is a "
                "<b>reaction</b>, not yet an impact. Report it as such, and measure "
                "application later with the follow-up questionnaire.</p>",
            },
        ),
    ],
)

FOLLOW_UP_AND_REPORTING = Lesson(
    title="Following up and reporting responsibly",
    minutes=10,
    body=[
        (
            "rich_text",
            "<p>EU fund indicators of the AMIF type ask how many people took part in "
            "training, how many consider it useful for their work, and how many report, "
            "three months later, that they use the skills acquired. The platform therefore "
            "sends a follow-up questionnaire by default 90 days after the training. Remind "
            "participants of it at the end of the session: a follow-up that nobody answers "
            "measures nothing.</p>"
            "<p>Reports are read by managers and funders, but they concern real people. "
            "Small groups can expose individuals: if only three participants came from one "
            "service, their average score is practically personal data. Figures for groups "
            "of fewer than five trainees are suppressed, and shares close to 0 % or 100 % in "
            "small groups are shown as “&lt;5 %” or “&gt;95 %”. Pseudonymised "
            "data remain personal data under the GDPR; only aggregated results are "
            "anonymous.</p>",
        ),
        (
            "checklist",
            {
                "title": "After each session",
                "items": [
                    "Attendance recorded on the platform for the session.",
                    "Pre- and post-tests and the reaction survey completed before people leave.",
                    "Open comments read and one improvement chosen for next time.",
                    "Questions from the parking list answered in writing to the group.",
                    "Participants reminded of the follow-up questionnaire.",
                ],
            },
        ),
        (
            "rich_text",
            "<p>Be honest about what the figures show. A high satisfaction score means "
            "participants found the session useful, not that they changed practice. A rise between"
            " pre- and post-test is measured on those who took both tests, so say how many started"
            " and how many finished. Keep the programme's own results, such as correctly referred "
            "returns, separate from what participants say about themselves: results are recorded "
            "by managers, not inferred from surveys.</p>",
        ),
    ],
)

CASCADE = Lesson(
    title="The cascade: trainers who train others",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>Training of trainers multiplies reach. A liaison officer or a return "
            "counsellor trains a group of trainers, for instance a few officers of each "
            "police zone or staff of several NGOs, who then train their own colleagues. "
            "The cascade brings the content closer to the field and into the language and "
            "working culture of each service.</p>"
            "<p>Each level of a cascade is also a risk: messages simplify, legal details "
            "drift, and outdated slides circulate. Quality is kept by a few simple "
            "means:</p>"
            "<ul>"
            "<li>a <b>standard package</b>: the same objectives, slides, cases and tests for "
            "everyone, with clear guidance on what may be adapted locally;</li>"
            "<li>a <b>trainer's guide</b> with the key messages and the answers to "
            "frequent questions;</li>"
            "<li><b>co-facilitation</b> of a new trainer's first session by an experienced "
            "one;</li>"
            "<li>the <b>same pre- and post-tests</b> at every level, so that results can be "
            "compared;</li>"
            "<li>a <b>contact point</b> for legal questions and for updates when procedures "
            "change.</li>"
            "</ul>",
        ),
        (
            "glossary_term",
            {
                "term": "Cascade reach",
                "definition": "The number of people trained by the trainers whom a "
                "programme trained, in addition to the trainers themselves. It is counted "
                "when sessions given by cascade trainers are registered on the platform.",
            },
        ),
        (
            "case_study",
            {
                "title": "A cascade that drifted",
                "scenario": "<p>A year after a training of trainers, a programme manager "
                "notices that post-test results in one police zone are much lower than "
                "elsewhere, and that several participants there believe that a person who "
                "applied for asylum can be reported to their embassy. The local trainer "
                "has been using a shortened set of slides made by a colleague.</p>",
                "question": "What went wrong in the cascade, and which of the quality "
                "measures above would have prevented it or detected it earlier?",
            },
        ),
    ],
)

# --- Tests -------------------------------------------------------------------------------

PRE_TEST = [
    Question(
        objective=0,
        text="Which learning objective is best written for an information session?",
        choices=[
            Choice(
                "Explain to a person in irregular stay how to contact a return desk.",
                correct=True,
            ),
            Choice(
                "Know about voluntary return.",
                feedback="“Know about” cannot be observed or tested; state what "
                "participants will be able to do.",
            ),
            Choice(
                "Understand the importance of return policy.",
                feedback="Too vague to guide content or a test question.",
            ),
        ],
        explanation="Objectives phrased as observable actions guide the content and the "
        "pre- and post-tests.",
    ),
    Question(
        objective=0,
        text="What should you find out from the organiser before preparing a session? "
        "(Several answers.)",
        choices=[
            Choice("Who will attend and from which services.", correct=True),
            Choice("Which situations the participants meet in their work.", correct=True),
            Choice("The language or languages of the group.", correct=True),
            Choice(
                "The participants' personal opinions on migration.",
                feedback="Opinions are not needed to prepare; needs, situations and "
                "practicalities are.",
            ),
        ],
        explanation="A short needs assessment tailors the session to a named group.",
    ),
    Question(
        objective=1,
        text="According to adult-learning principles, how should you organise the content?",
        choices=[
            Choice(
                "Around situations participants meet in their work.",
                correct=True,
            ),
            Choice(
                "Article by article, following the text of the law.",
                feedback="Adults are problem-centred; legal detail belongs in handouts.",
            ),
            Choice(
                "As one continuous lecture, to cover as much as possible.",
                feedback="Long lectures ignore participants' experience and lose attention.",
            ),
        ],
        explanation="Adults learn best when content solves problems they recognise.",
    ),
    Question(
        objective=1,
        text="Which activities use the experience of the participants? (Several answers.)",
        choices=[
            Choice("Case studies drawn from their own work.", correct=True),
            Choice("A role play with an observer who gives feedback.", correct=True),
            Choice(
                "Reading the slides aloud.",
                feedback="This makes participants passive and uses none of their experience.",
            ),
        ],
        explanation="Active methods follow the experiential cycle: experience, reflection, "
        "rule, new practice.",
    ),
    Question(
        objective=2,
        text="A participant asks a detailed legal question you cannot answer with "
        "certainty. What do you do?",
        choices=[
            Choice(
                "Say so, note the question and send a checked answer after the session.",
                correct=True,
            ),
            Choice(
                "Give your best guess so as not to lose credibility.",
                feedback="A wrong answer on a legal point can cause harm in practice.",
            ),
            Choice(
                "Tell the participant the question is not relevant.",
                feedback="Dismissing the question damages trust; park it and follow up.",
            ),
        ],
        explanation="Accuracy matters more than an immediate answer.",
    ),
    Question(
        objective=2,
        text="A participant asks what will happen in the file of one of her clients. What "
        "is the right response?",
        choices=[
            Choice(
                "Explain the general rule and refer her to the competent service.",
                correct=True,
            ),
            Choice(
                "Give your opinion on the likely outcome.",
                feedback="Trainers do not advise on individual files.",
            ),
            Choice(
                "Ask her to share the client's details with the group.",
                feedback="Personal data about a case must not be shared in a session.",
            ),
        ],
        explanation="Individual cases go to the competent service; the session stays general.",
    ),
    Question(
        objective=3,
        text="Which Kirkpatrick level does a pre-test and post-test measure?",
        choices=[
            Choice("Learning.", correct=True),
            Choice(
                "Reaction.",
                feedback="Reaction is measured by the satisfaction and relevance survey.",
            ),
            Choice(
                "Behaviour.",
                feedback="Behaviour is measured months later, in the workplace.",
            ),
        ],
        explanation="Tests on the same objectives before and after measure learning.",
    ),
    Question(
        objective=3,
        text="When is behaviour on the job best measured?",
        choices=[
            Choice("Three to six months after the training.", correct=True),
            Choice(
                "At the end of the session.",
                feedback="At the end of the session participants can only state intent, "
                "which is a reaction.",
            ),
            Choice(
                "Before the session.",
                feedback="Before the session there is nothing to apply yet.",
            ),
        ],
        explanation="The platform's follow-up questionnaire is sent 90 days after the "
        "training by default.",
    ),
    Question(
        objective=4,
        text="What is a cascade in training of trainers?",
        choices=[
            Choice(
                "Trained trainers go on to train colleagues in their own services.",
                correct=True,
            ),
            Choice(
                "A series of sessions of increasing difficulty for the same group.",
                feedback="That is a curriculum; a cascade passes training down through trainers.",
            ),
            Choice(
                "Sending the slides to everyone by e-mail.",
                feedback="Distributing materials is not training; a cascade relies on "
                "trained trainers.",
            ),
        ],
        explanation="The cascade multiplies reach and brings content closer to each service.",
    ),
    Question(
        objective=4,
        text="Which measures keep quality in a cascade? (Several answers.)",
        choices=[
            Choice("A standard package of objectives, slides, cases and tests.", correct=True),
            Choice("Co-facilitation of a new trainer's first session.", correct=True),
            Choice(
                "Letting each trainer write their own test.",
                feedback="Different tests make results impossible to compare across the cascade.",
            ),
        ],
        explanation="Standard materials, co-facilitation and common tests limit drift.",
    ),
]

POST_TEST = [
    Question(
        objective=0,
        text="Why ask the organiser which situations the participants meet in their work?",
        choices=[
            Choice(
                "To choose content and cases that match what the group actually needs.",
                correct=True,
            ),
            Choice(
                "To check whether participants are doing their job correctly.",
                feedback="The needs assessment serves the session, not an inspection.",
            ),
            Choice(
                "It is not useful: the same session suits every group.",
                feedback="Police, students and social workers meet returnees at different "
                "moments and need different things.",
            ),
        ],
        explanation="A session tied to participants' daily cases is the one that changes practice.",
    ),
    Question(
        objective=0,
        text="Why is it useful to co-train with a trainer from another service?",
        choices=[
            Choice(
                "It shows the cooperation being taught, and each trainer answers questions "
                "from their own field.",
                correct=True,
            ),
            Choice(
                "It halves the preparation time for each trainer.",
                feedback="Co-training usually needs joint preparation; the benefit is "
                "expertise and credibility.",
            ),
            Choice(
                "It allows the session to skip the evaluation.",
                feedback="Every session is evaluated, whoever trains.",
            ),
        ],
        explanation="A liaison officer paired with a return counsellor or NGO worker covers "
        "both sides of the procedure.",
    ),
    Question(
        objective=1,
        text="A case discussion ends with “what would you do next time?”. Which "
        "model does this follow?",
        choices=[
            Choice("Kolb's experiential learning cycle.", correct=True),
            Choice(
                "Kirkpatrick's evaluation levels.",
                feedback="Kirkpatrick concerns evaluation, not the learning process itself.",
            ),
            Choice(
                "The net promoter score.",
                feedback="The net promoter score is a survey measure.",
            ),
        ],
        explanation="Experience, reflection, generalisation and experimentation form Kolb's cycle.",
    ),
    Question(
        objective=1,
        text="Which statements reflect adult-learning principles? (Several answers.)",
        choices=[
            Choice("Adults need to know why they are learning something.", correct=True),
            Choice("Their experience is a resource for the group.", correct=True),
            Choice(
                "They learn best by memorising legal articles.",
                feedback="Adults are problem-centred; situations work better than articles.",
            ),
            Choice("They are mostly motivated by doing their work well.", correct=True),
        ],
        explanation="Knowles' principles: need to know, experience, problem-centred, "
        "self-directing, internally motivated.",
    ),
    Question(
        objective=2,
        text="A social worker and a police officer start accusing each other's services "
        "during a session. What is the trainer's aim?",
        choices=[
            Choice(
                "Acknowledge both concerns and bring the discussion back to each service's "
                "role within the legal framework.",
                correct=True,
            ),
            Choice(
                "Decide which of them is right.",
                feedback="The trainer is not there to win or settle a debate.",
            ),
            Choice(
                "End the session early.",
                feedback="Tension can be handled; ending the session loses the learning.",
            ),
        ],
        explanation="Accurate information and respect for each role keep a mixed group working.",
    ),
    Question(
        objective=2,
        text="A question is interesting but off-topic. What technique helps?",
        choices=[
            Choice(
                "Write it on a visible parking list and come back to it at the end.",
                correct=True,
            ),
            Choice(
                "Answer it fully straight away, whatever the time.",
                feedback="This can derail the session for everyone else.",
            ),
            Choice(
                "Ignore it.",
                feedback="Ignoring questions damages trust.",
            ),
        ],
        explanation="Parking keeps the session on track and shows the question was heard.",
    ),
    Question(
        objective=3,
        text="A group scored 40 on the pre-test and 70 on the post-test. What is the "
        "normalised gain on group means?",
        choices=[
            Choice("0.5 (medium).", correct=True),
            Choice(
                "30.",
                feedback="30 is the raw difference; the gain divides it by what could still "
                "be learnt (100 − 40).",
            ),
            Choice(
                "0.75 (high).",
                feedback="(70 − 40) / (100 − 40) = 30 / 60 = 0.5.",
            ),
        ],
        explanation="Normalised gain = (post − pre) / (100 − pre); 0.3 to 0.7 is medium.",
    ),
    Question(
        objective=3,
        text="Only three participants came from one municipal service. How should their "
        "results appear in a report?",
        choices=[
            Choice(
                "Suppressed: groups of fewer than five trainees are not shown.",
                correct=True,
            ),
            Choice(
                "Shown in full, since the data are pseudonymised.",
                feedback="Pseudonymised data are still personal data; small cells are suppressed.",
            ),
            Choice(
                "Shown with the participants' names, for transparency.",
                feedback="Reports show aggregated results only.",
            ),
        ],
        explanation="Small-cell suppression protects individuals in small groups.",
    ),
    Question(
        objective=4,
        text="Post-test results in one zone of a cascade are much lower than elsewhere. "
        "What is the first thing to check?",
        choices=[
            Choice(
                "Whether the local trainer uses the standard package and is up to date.",
                correct=True,
            ),
            Choice(
                "Whether the participants in that zone are less capable.",
                feedback="Look at the training first; drift in materials is a common cause.",
            ),
            Choice(
                "Nothing: differences between zones are normal.",
                feedback="A clear difference on common tests is a quality signal worth "
                "following up.",
            ),
        ],
        explanation="Common tests across the cascade make drift visible.",
    ),
    Question(
        objective=4,
        text="How is cascade reach counted?",
        choices=[
            Choice(
                "From the sessions given by cascade trainers, registered on the platform.",
                correct=True,
            ),
            Choice(
                "By multiplying the number of trainers by an assumed group size.",
                feedback="Reach is counted from registered sessions, not estimated.",
            ),
            Choice(
                "Only the trainers themselves count.",
                feedback="Cascade reach adds the people the trainers went on to train.",
            ),
        ],
        explanation="Registering cascade sessions is what makes the reach reportable.",
    ),
]

COURSE = Course(
    slug="training-of-trainers-information-sessions",
    title="Training of trainers: running an information session on return procedures",
    summary="For liaison officers, return counsellors and practitioners who train others: "
    "how to prepare an information session on return for a named group, apply "
    "adult-learning methods, handle difficult questions, evaluate with pre- and post-tests, "
    "reaction surveys and a follow-up, and run a cascade of trainers without losing "
    "quality.",
    topic="training-of-trainers",
    audiences=["police", "civil_society", "municipal_staff"],
    objectives=OBJECTIVES,
    modules=[
        Module(
            title="Preparing the session",
            summary="Knowing the group, writing learning objectives, building the agenda "
            "and preparing materials and co-trainers.",
            lessons=[KNOW_YOUR_GROUP, AGENDA_AND_MATERIALS],
        ),
        Module(
            title="Running the session",
            summary="Adult-learning principles, active methods and techniques for "
            "difficult, emotional or out-of-scope questions.",
            lessons=[HOW_ADULTS_LEARN, DIFFICULT_QUESTIONS],
        ),
        Module(
            title="Evaluating and cascading",
            summary="Pre- and post-tests, reaction surveys, the 90-day follow-up, "
            "responsible reporting, and keeping quality in a cascade of trainers.",
            lessons=[EVALUATING, FOLLOW_UP_AND_REPORTING, CASCADE],
        ),
    ],
    pre_test=PRE_TEST,
    post_test=POST_TEST,
    sessions=[
        Session(
            title="Training of trainers: information sessions on return (day 1)",
            city="Brussels",
            venue="Brussels regional police school (ERIP-GIP), training room",
            days_from_now=-30,
            hours=6.0,
            capacity=14,
        ),
        Session(
            title="Training of trainers: information sessions on return (follow-up day)",
            city="Ghent",
            venue="Oost-Vlaamse Politieacademie (OVPA), classroom",
            days_from_now=45,
            hours=6.0,
            capacity=14,
        ),
    ],
    estimated_hours=4.0,
    training_of_trainers=True,
    certificate_text="The holder can prepare and deliver an information session on return "
    "procedures for a named group, apply adult-learning methods, handle difficult "
    "questions, evaluate a session with pre- and post-tests, reaction surveys and a "
    "follow-up, and support a cascade of trainers.",
)
