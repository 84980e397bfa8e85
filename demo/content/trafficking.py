"""Course 5: recognising trafficking in human beings in migration procedures.

The case study is fictional: the country, the city and every person in it are invented.
"""

from demo.content.schema import Choice, Course, Lesson, Module, Question, Session

OBJECTIVES = [
    "Distinguish trafficking in human beings from migrant smuggling and name the elements "
    "of the definition of trafficking.",
    "Recognise indicators of trafficking in first-line contacts, including the misuse of "
    "asylum and family-reunification procedures by criminal networks.",
    "Refer a presumed victim to a specialised centre and to the competent services without "
    "putting the person at risk, and share information between services.",
    "Explain the Belgian victim status: the reflection period, its conditions and the "
    "protection it offers.",
]

# --- Module 1 ----------------------------------------------------------------------------

WHAT_TRAFFICKING_IS = Lesson(
    title="What trafficking is, and what it is not",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>Trafficking in human beings is the exploitation of a person by others who "
            "recruit, move, house or control them. The international definition, in the UN "
            "Palermo Protocol and in EU Directive 2011/36/EU, has three elements:</p>"
            "<ol>"
            "<li><b>An act</b>: recruiting, transporting, transferring, harbouring or "
            "receiving a person, including exchanging or transferring control over them;</li>"
            "<li><b>A means</b>: threat, force, coercion, abduction, fraud, deception, abuse "
            "of power or of a position of vulnerability, or payments to a person having "
            "control over the victim;</li>"
            "<li><b>A purpose</b>: exploitation, for example sexual exploitation, forced "
            "labour, forced begging, forced criminal activities or the removal of "
            "organs.</li>"
            "</ol>"
            "<p>When the victim is a child, the means are not required: recruiting or "
            "moving a child for exploitation is trafficking. The consent of an adult victim "
            "is irrelevant when one of the means was used. Belgian criminal law goes further "
            "than the international definition: it does not require the means as an element "
            "of the offence and treats them as aggravating circumstances.</p>",
        ),
        ("heading", {"text": "Trafficking or smuggling?", "level": "h3"}),
        (
            "rich_text",
            "<p><b>Migrant smuggling</b> is helping a person to enter, cross or stay in a "
            "country irregularly, usually for money. It is an offence against the State's "
            "border rules; the relationship normally ends at arrival. <b>Trafficking</b> is "
            "an offence against the person; it does not require crossing a border, and the "
            "victim may have entered legally. The two often meet: a smuggled person who "
            "cannot repay the smuggler's fee can end up in exploitation. Ask what happens "
            "<i>after</i> arrival.</p>",
        ),
        (
            "callout",
            {
                "kind": "legal",
                "text": "<p>Under the <b>non-punishment principle</b> (Article 8 of Directive "
                "2011/36/EU), victims should not be prosecuted or punished for offences they "
                "were compelled to commit as a direct consequence of being trafficked, such "
                "as irregular stay or the use of false documents.</p>",
            },
        ),
    ],
)

FORMS_AND_CONTROL = Lesson(
    title="Forms of exploitation and how control works",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>Exploitation takes many forms. In Belgium, first-line services meet sexual "
            "exploitation and economic exploitation most often, in sectors such as "
            "construction, cleaning, hospitality, agriculture and domestic work. Forced "
            "begging and forced criminality, such as drug selling or theft, also occur. EU "
            "law was amended in 2024 to name forced marriage, illegal adoption and the "
            "exploitation of surrogacy explicitly.</p>"
            "<p>Victims are rarely locked up. They are controlled by means that an outsider "
            "does not see at first glance:</p>"
            "<ul>"
            "<li>a <b>debt</b> for travel, documents or lodging that grows faster than it "
            "can be repaid;</li>"
            "<li><b>documents</b> kept by someone else “for safekeeping”;</li>"
            "<li><b>threats</b> against the family in the country of origin;</li>"
            "<li><b>fear of the authorities</b>, fed by the exploiter: “the police will "
            "deport you”;</li>"
            "<li><b>isolation</b>: no language, no address of one's own, transport to and "
            "from work organised by the exploiter;</li>"
            "<li><b>emotional dependence</b>, for instance on a partner who is also the "
            "exploiter.</li>"
            "</ul>",
        ),
        (
            "glossary_term",
            {
                "term": "Debt bondage",
                "definition": "A situation in which a person's labour is demanded as a means "
                "of repaying a debt whose amount, duration and conditions are not defined or "
                "are manipulated, so that the debt can never be paid off.",
            },
        ),
        (
            "rich_text",
            "<p>Exploitation can also happen to people with a legal status: a worker with a valid "
            "permit, a posted worker, a student or a spouse who came through family reunification."
            " And it often begins only after arrival: many victims left home of their own free "
            "will, with a real job offer in mind, and discovered the conditions later. The "
            "question is always whether the person can freely leave the situation.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>Many victims do not see themselves as victims. They may feel "
                "grateful for the job, ashamed, or loyal to the recruiter. Do not expect a "
                "complaint; look at the situation.</p>",
            },
        ),
    ],
)

# --- Module 2: the case study -------------------------------------------------------------

CIRCUIT = Lesson(
    title="The Caruna circuit: how it worked",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>This case is fictional. It is inspired by the kind of circuit that police, "
            "prosecutors, city services and family-reunification services in Belgium have "
            "worked on together, in which a network misused the asylum and "
            "family-reunification procedures. Caruna, Westhaven and all the names are "
            "invented.</p>",
        ),
        (
            "case_study",
            {
                "title": "Part 1: the promise",
                "scenario": "<p>In Caruna, a country in South America, a travel agency "
                "run by a man known as <b>“Uncle” Ferdi</b> advertises on social "
                "media: work in cleaning and construction in Belgium, lodging provided, "
                "papers arranged. <b>Nadia</b>, 23, and her cousin <b>Ruben</b>, 26, sign up. "
                "The agency advances the plane tickets and a “processing fee” and "
                "they agree to repay everything from their wages.</p>"
                "<p>On arrival in Westhaven, a large Belgian city, a driver collects them. "
                "Their passports are taken “to arrange the papers”. They are given "
                "a written story to learn and are taken to apply for international "
                "protection. The story is almost word for word the one that a dozen other "
                "applicants from the same agency have told.</p>",
                "question": "Which elements of the definition of trafficking can you already "
                "see at this stage, and which are still missing?",
            },
        ),
        (
            "case_study",
            {
                "title": "Part 2: the papers",
                "scenario": "<p>Ruben is told that the asylum route is only temporary. The "
                "network introduces him to <b>Mrs Lena V.</b>, who holds a residence permit, "
                "and he is told to marry her so that he can obtain residence through family "
                "reunification. They have no common language and have met twice. Mrs V. has "
                "been paid. Nadia, for her part, is registered at an address where she has "
                "never slept, together with eleven other people.</p>"
                "<p>Both work six days a week for a cleaning subcontractor, are driven to "
                "sites at dawn and receive a fraction of their wages: the rest goes to the "
                "debt, the rent and the “papers”. When Nadia asks for her passport, "
                "Ferdi's associate reminds her that her younger brother still lives in "
                "Caruna.</p>",
                "question": "How are the asylum and family-reunification procedures used "
                "here to control Nadia and Ruben rather than to protect them?",
            },
        ),
    ],
)

WHAT_EACH_SAW = Lesson(
    title="What each service saw",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>No single service had the whole picture. Each saw a fragment that, on its "
            "own, could be explained away.</p>"
            "<ul>"
            "<li><b>The city's population desk</b> registered twelve people at one small "
            "flat within a few months, most of them accompanied by the same man who "
            "answered for them.</li>"
            "<li><b>The family-reunification service</b> noticed that the same sponsors "
            "and the same civil-status documents, from one registry office in Caruna, "
            "appeared in several files.</li>"
            "<li><b>A reception centre</b> saw residents leave at five in the morning in a "
            "van and come back exhausted; one of them cried when asked about her "
            "family.</li>"
            "<li><b>The local police</b>, during a check at a building site, found workers "
            "without contracts who did not know their employer's name and gave the same "
            "address.</li>"
            "<li><b>The asylum authorities</b> received near-identical accounts from "
            "unrelated applicants.</li>"
            "</ul>",
        ),
        (
            "rich_text",
            "<p>Each service also works under its own rules on professional secrecy and data "
            "protection, which is why signals need agreed channels: the local liaison officer, a "
            "police contact point, a referral to a specialised centre. What a single desk can do "
            "is notice, record and pass the signal on. The analysis is done together.</p>",
        ),
        (
            "case_study",
            {
                "title": "The clerk's doubt",
                "scenario": "<p>At the population desk in Westhaven, a clerk is asked to "
                "register Nadia at the flat. The man with her answers every question, holds "
                "her passport and says she does not speak any of the national languages. "
                "Nadia looks at the floor. The clerk has registered four other people at the "
                "same address this month.</p>",
                "question": "What can the clerk do during this contact, and what should she "
                "do afterwards? What must she avoid?",
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>Do not confront the companion or announce your suspicion at the "
                "counter. It can put the person in danger and alert the network. Record what "
                "you observed and follow your service's referral procedure.</p>",
            },
        ),
    ],
)

PICTURE_TOGETHER = Lesson(
    title="Putting the picture together",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>In Westhaven, the local liaison officer seconded by the Immigration Office "
            "brought the services together. At city level, police, city services, the "
            "family-reunification service and civil-society organisations collected, "
            "exchanged and analysed information on the circuit, each within the rules that "
            "govern its data. The fragments became a pattern: one agency, a few addresses, "
            "a small group of paid sponsors, a cleaning subcontractor.</p>"
            "<p>An <b>operational action plan</b> followed. Under the direction of the "
            "public prosecutor, the federal police investigated, searches were carried out "
            "and the organisers were arrested. The family-reunification files based on "
            "marriages of convenience were reviewed.</p>"
            "<h4>What happened to the people</h4>"
            "<p>Nadia and Ruben were interviewed separately, with an independent "
            "interpreter, and referred to a specialised centre. They received the "
            "reflection period and, after making statements, the victim status. Others "
            "recruited by the agency had not been exploited and had no right to stay; for "
            "them the return procedures applied, with voluntary return offered first and "
            "repatriation organised where they did not leave.</p>",
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>The misuse of a procedure by a network does not make the "
                "procedure suspect. Most asylum applications and family-reunification "
                "requests are made in good faith, and the people used by a network are often "
                "its first victims. Signs concern a <i>pattern</i>, not a nationality.</p>",
            },
        ),
        (
            "checklist",
            {
                "title": "Lessons from the case",
                "items": [
                    "Share signals early with the liaison officer or the police, through the "
                    "agreed channels.",
                    "Look for patterns: addresses, companions, sponsors, documents, employers.",
                    "Separate the person from the companion before asking questions.",
                    "Refer presumed victims to a specialised centre before any decision on "
                    "their stay.",
                    "Keep the victim's safety and the family in the country of origin in "
                    "mind at every step.",
                ],
            },
        ),
    ],
)

# --- Module 3 ----------------------------------------------------------------------------

INDICATORS = Lesson(
    title="Indicators in first-line contacts",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>An indicator is a sign that calls for attention, not a proof. One indicator "
            "alone may have an innocent explanation; several together, or an indicator "
            "combined with a known pattern, justify a referral. The lists below group "
            "indicators by what a first-line worker can observe.</p>",
        ),
        (
            "checklist",
            {
                "title": "The person",
                "items": [
                    "Does not hold their own identity or travel documents.",
                    "Someone else speaks for them, or they tell a story that sounds learnt.",
                    "Does not know their own address, employer or the town they work in.",
                    "Mentions a debt to a recruiter or an employer that keeps growing.",
                    "Shows fear, anxiety, signs of violence or exhaustion.",
                    "Is a minor travelling or living with adults who are not their parents.",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Work and lodging",
                "items": [
                    "Long hours, little or no pay, wages paid to someone else.",
                    "Lives at the workplace or in overcrowded lodging provided by the employer.",
                    "Transport to and from work is organised by the employer or a third party.",
                ],
            },
        ),
        (
            "checklist",
            {
                "title": "Procedures and files",
                "items": [
                    "Many people registered at the same address in a short time.",
                    "The same companion, phone number or contact person in several files.",
                    "Near-identical accounts from applicants who say they do not know each other.",
                    "A sponsor with repeated family-reunification requests, or spouses "
                    "without a common language.",
                    "Civil-status documents from the same source in unrelated files.",
                ],
            },
        ),
        (
            "rich_text",
            "<p>Indicators also differ by role. A police officer sees the workplace and the "
            "lodging; a clerk sees the registration and the companion; a social worker or a "
            "reception-centre employee sees the person over time and may notice a change. Whatever"
            " your role, the response is the same: do not investigate, record what you saw and "
            "refer, as the next lesson explains.</p>",
        ),
    ],
)

REFERRAL = Lesson(
    title="Referral without putting the person at risk",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>Belgium has a multidisciplinary approach to trafficking. Police, "
            "prosecutors, the Immigration Office, the social inspection services and three "
            "recognised specialised centres work together under a framework agreed between "
            "the authorities concerned. The specialised centres offer shelter or "
            "outpatient support, psychological, medical, legal and administrative "
            "assistance:</p>"
            "<ul>"
            "<li><b>Payoke</b>, in Antwerp;</li>"
            "<li><b>PAG-ASA</b>, in Brussels;</li>"
            "<li><b>Sürya</b>, in Liège.</li>"
            "</ul>"
            "<p>Each judicial district also has a <b>reference magistrate</b> for trafficking "
            "at the prosecutor's office, and the police have officers specialised in the "
            "subject. Civil-society workers and municipal staff can contact a specialised "
            "centre directly, or the police.</p>",
        ),
        (
            "checklist",
            {
                "title": "Steps in a referral",
                "items": [
                    "Make sure the person is safe now; call the emergency services if not.",
                    "Speak with the person alone, with a professional interpreter if needed.",
                    "Explain, in simple terms, that specialised help exists and that it is "
                    "confidential.",
                    "Contact a specialised centre, or the police and the reference "
                    "magistrate if you are a police officer.",
                    "For a minor: inform the Guardianship Service so that a guardian is appointed.",
                    "Record what you observed and what you did; share it only through the "
                    "agreed channels.",
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>Do not investigate yourself, do not contact the suspected "
                "exploiters and never contact the authorities of the country of origin about "
                "a presumed victim. A presumed victim in irregular stay must be referred "
                "before any step towards return.</p>",
            },
        ),
        (
            "rich_text",
            "<p>A presumed victim may refuse help. Respect that decision, make sure the person "
            "knows how to reach a centre later (a number they can memorise is safer than a leaflet"
            " the exploiter may find), and record the contact. A refusal today is often a first "
            "step towards accepting help later.</p>",
        ),
    ],
)

VICTIM_STATUS = Lesson(
    title="The victim status and the reflection period",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>EU Directive 2004/81/EC allows third-country nationals who are victims of "
            "trafficking and who cooperate with the authorities to obtain a residence "
            "permit, after a reflection period. Belgium applies a specific procedure, "
            "which is also open to victims of certain aggravated forms of human "
            "smuggling.</p>",
        ),
        (
            "glossary_term",
            {
                "term": "Reflection period",
                "definition": "A period during which a presumed victim can recover, escape "
                "the influence of the perpetrators and decide, with support, whether to "
                "cooperate with the authorities. In Belgium it lasts 45 days, during which "
                "the person cannot be removed.",
            },
        ),
        ("heading", {"text": "The conditions", "level": "h3"}),
        (
            "rich_text",
            "<p>To benefit from the procedure, the person must:</p>"
            "<ol>"
            "<li>break off contact with the presumed perpetrators;</li>"
            "<li>be accompanied by one of the recognised specialised centres;</li>"
            "<li>cooperate with the judicial authorities, by making statements or filing a "
            "complaint (the reflection period is there to decide whether to do so).</li>"
            "</ol>"
            "<h4>The steps</h4>"
            "<p>The specialised centre handles the application with the Immigration Office. "
            "After the reflection period, or immediately if the person makes statements "
            "straight away, a temporary residence document is issued while the prosecutor "
            "assesses the case. If the person is still considered a victim and the case "
            "goes on, a temporary residence permit follows, renewable while the proceedings "
            "last. A permanent residence permit can be granted at the end, in particular "
            "when the case leads to a conviction.</p>",
        ),
        (
            "callout",
            {
                "kind": "legal",
                "text": "<p>Directive 2011/36/EU requires that assistance and support for a "
                "victim are not made conditional on the victim's willingness to cooperate in "
                "criminal proceedings. The residence status is linked to cooperation, but "
                "the first contact with a specialised centre, and the reflection period, "
                "exist precisely so that the victim does not have to decide under "
                "pressure.</p>",
            },
        ),
        (
            "rich_text",
            "<p>For first-line workers the practical message is simple: a presumed victim "
            "is referred to a specialised centre <i>before</i> any decision about their "
            "stay or return. The status protects the person and, in turn, makes it "
            "possible to prosecute those who exploit them.</p>",
        ),
    ],
)

# --- Tests -------------------------------------------------------------------------------

PRE_TEST = [
    Question(
        objective=0,
        text="What are the three elements of the international definition of trafficking "
        "in human beings?",
        choices=[
            Choice("An act, a means and a purpose of exploitation.", correct=True),
            Choice(
                "Irregular entry, payment and transport.",
                feedback="These describe smuggling; trafficking does not require irregular entry.",
            ),
            Choice(
                "A victim's complaint, a perpetrator and a border crossing.",
                feedback="Trafficking exists without a complaint and without crossing a border.",
            ),
        ],
        explanation="The Palermo Protocol and Directive 2011/36/EU define trafficking by an "
        "act, a means and an exploitative purpose.",
    ),
    Question(
        objective=0,
        text="Which statements describe migrant smuggling rather than trafficking? "
        "(Several answers.)",
        choices=[
            Choice("It is an offence against the State's border rules.", correct=True),
            Choice("The relationship with the smuggler normally ends at arrival.", correct=True),
            Choice(
                "It can take place entirely within one country.",
                feedback="That is true of trafficking; smuggling involves entry, transit or "
                "stay across borders.",
            ),
        ],
        explanation="Smuggling facilitates irregular crossing or stay; trafficking is the "
        "exploitation of the person and needs no border.",
    ),
    Question(
        objective=1,
        text="Which combination of signs at a municipal desk should lead to a referral?",
        choices=[
            Choice(
                "A companion holds the applicant's passport and answers for her, at an "
                "address where several people were recently registered.",
                correct=True,
            ),
            Choice(
                "The applicant does not speak French or Dutch.",
                feedback="Language alone is not an indicator; many newcomers do not yet "
                "speak a national language.",
            ),
            Choice(
                "The applicant comes from a country known for trafficking.",
                feedback="Indicators concern the situation, never a nationality.",
            ),
        ],
        explanation="Indicators are signs, not proof; several together justify a referral.",
    ),
    Question(
        objective=1,
        text="How can a network misuse the family-reunification procedure? (Several answers.)",
        choices=[
            Choice(
                "By paying residents to enter marriages of convenience with recruits.",
                correct=True,
            ),
            Choice(
                "By using the same civil-status documents or sponsors in several files.",
                correct=True,
            ),
            Choice(
                "By helping genuine families to apply.",
                feedback="Helping genuine families is legitimate; misuse involves false "
                "relationships or documents.",
            ),
        ],
        explanation="Repeated sponsors, spouses without a common language and documents "
        "from one source are patterns worth sharing.",
    ),
    Question(
        objective=2,
        text="Which of these are the recognised specialised centres for victims of "
        "trafficking in Belgium? (Several answers.)",
        choices=[
            Choice("Payoke (Antwerp).", correct=True),
            Choice("PAG-ASA (Brussels).", correct=True),
            Choice("Sürya (Liège).", correct=True),
            Choice(
                "The closed centres of the Immigration Office.",
                feedback="Closed centres are for detention pending return, not for victim "
                "assistance.",
            ),
        ],
        explanation="The three specialised centres accompany victims and handle the victim "
        "status procedure.",
    ),
    Question(
        objective=2,
        text="You suspect that a woman at your counter is controlled by the man with her. "
        "What should you avoid?",
        choices=[
            Choice(
                "Confronting the man and telling him you suspect trafficking.",
                correct=True,
            ),
            Choice(
                "Recording what you observed.",
                feedback="Recording your observations is exactly what you should do.",
            ),
            Choice(
                "Following your service's referral procedure afterwards.",
                feedback="Following the referral procedure is the right response.",
            ),
        ],
        explanation="Confrontation can endanger the person and alert the network; observe, "
        "record and refer.",
    ),
    Question(
        objective=3,
        text="How long does the reflection period last in Belgium?",
        choices=[
            Choice("45 days.", correct=True),
            Choice(
                "7 days.",
                feedback="That would be too short for recovery and an informed decision; it "
                "lasts 45 days.",
            ),
            Choice(
                "Until the end of the criminal trial.",
                feedback="The reflection period is a first phase; later phases depend on the "
                "proceedings.",
            ),
        ],
        explanation="During the 45-day reflection period the person cannot be removed and "
        "decides, with support, whether to cooperate.",
    ),
    Question(
        objective=3,
        text="Which conditions apply to the Belgian victim status? (Several answers.)",
        choices=[
            Choice("Breaking off contact with the presumed perpetrators.", correct=True),
            Choice("Being accompanied by a recognised specialised centre.", correct=True),
            Choice("Cooperating with the judicial authorities.", correct=True),
            Choice(
                "Holding a valid passport.",
                feedback="A passport is not required; traffickers often keep their victims' "
                "documents.",
            ),
        ],
        explanation="The three conditions protect the victim and allow the case to be "
        "investigated.",
    ),
]

POST_TEST = [
    Question(
        objective=0,
        text="A 15-year-old is recruited and brought to Belgium to sell drugs for a network. "
        "He says he agreed. Is this trafficking?",
        choices=[
            Choice(
                "Yes: for a child the means are not required, and forced criminality is a "
                "form of exploitation.",
                correct=True,
            ),
            Choice(
                "No, because he consented.",
                feedback="A child's consent is irrelevant; recruitment for exploitation suffices.",
            ),
            Choice(
                "No, it is only a drug offence.",
                feedback="Forced criminal activities are a recognised form of exploitation.",
            ),
        ],
        explanation="For children, an act with an exploitative purpose is enough; the "
        "non-punishment principle also applies.",
    ),
    Question(
        objective=0,
        text="A woman entered Belgium legally with a valid visa and is now exploited in "
        "domestic work. What is correct?",
        choices=[
            Choice(
                "It can be trafficking: legal entry does not exclude it.",
                correct=True,
            ),
            Choice(
                "It is smuggling, since she crossed a border.",
                feedback="Smuggling concerns irregular entry or stay; she entered legally.",
            ),
            Choice(
                "It cannot be trafficking because she was never moved irregularly.",
                feedback="Trafficking is about exploitation, not the legality of entry.",
            ),
        ],
        explanation="Trafficking is an offence against the person and does not depend on "
        "how the victim entered.",
    ),
    Question(
        objective=1,
        text="Which signs point to control of a worker by a third party? (Several answers.)",
        choices=[
            Choice("Wages are paid to someone else.", correct=True),
            Choice("Transport to work is organised by the employer at dawn.", correct=True),
            Choice("A debt to the recruiter keeps growing.", correct=True),
            Choice(
                "The worker has a written employment contract and a payslip.",
                feedback="A contract does not rule out exploitation, but it is not itself "
                "an indicator of control.",
            ),
        ],
        explanation="Debt, dependence for transport and lodging, and confiscated wages are "
        "classic means of control.",
    ),
    Question(
        objective=1,
        text="In the Caruna case, why was the network's use of the asylum procedure a "
        "warning sign for the asylum authorities?",
        choices=[
            Choice(
                "Unrelated applicants gave near-identical, learnt accounts.",
                correct=True,
            ),
            Choice(
                "All applicants came from the same country.",
                feedback="Nationality is not an indicator; the identical scripted accounts were.",
            ),
            Choice(
                "The applicants had no passports.",
                feedback="Many genuine applicants have no passport; that alone is not a "
                "sign of trafficking.",
            ),
        ],
        explanation="Patterns across files, not the procedure itself, revealed the network.",
    ),
    Question(
        objective=2,
        text="In the Caruna case, what allowed the services to see the circuit?",
        choices=[
            Choice(
                "Information from police, city services, the family-reunification service "
                "and civil society was exchanged and analysed together.",
                correct=True,
            ),
            Choice(
                "One service found all the evidence on its own.",
                feedback="Each service saw only a fragment; the pattern appeared when they "
                "were combined.",
            ),
            Choice(
                "A victim filed a complaint on arrival.",
                feedback="Victims rarely complain; the signals came from the services.",
            ),
        ],
        explanation="Information exchange at city level, followed by an operational action "
        "plan, made the investigation possible.",
    ),
    Question(
        objective=2,
        text="A police officer finds a presumed victim in irregular stay. What comes first?",
        choices=[
            Choice(
                "Referral to a specialised centre and the reference magistrate, before any "
                "step towards return.",
                correct=True,
            ),
            Choice(
                "An order to leave the territory, then a referral if she asks for one.",
                feedback="Referral must come before any decision on return.",
            ),
            Choice(
                "A call to her embassy to confirm her identity.",
                feedback="Contacting the authorities of the country of origin can put the "
                "victim and her family at risk.",
            ),
        ],
        explanation="A presumed victim is protected first; return procedures do not start "
        "until the situation is clear.",
    ),
    Question(
        objective=3,
        text="What is the purpose of the reflection period?",
        choices=[
            Choice(
                "To let the presumed victim recover, escape the perpetrators' influence and "
                "decide whether to cooperate.",
                correct=True,
            ),
            Choice(
                "To give the police time to prepare the person's removal.",
                feedback="The person cannot be removed during the reflection period.",
            ),
            Choice(
                "To check whether the person has a valid passport.",
                feedback="The reflection period is about the victim, not documents.",
            ),
        ],
        explanation="The period exists so that the victim does not have to decide under pressure.",
    ),
    Question(
        objective=3,
        text="Who handles the application for the victim status with the Immigration Office?",
        choices=[
            Choice("The specialised centre that accompanies the victim.", correct=True),
            Choice(
                "The municipality where the victim is registered.",
                feedback="Municipalities issue documents on instruction, but do not handle "
                "the application.",
            ),
            Choice(
                "The victim's employer.",
                feedback="The employer may be the exploiter and has no role in the procedure.",
            ),
        ],
        explanation="Accompaniment by a recognised centre is one of the conditions, and the "
        "centre handles the procedure.",
    ),
]

COURSE = Course(
    slug="recognising-trafficking",
    title="Recognising trafficking in human beings in migration procedures",
    summary="How to recognise trafficking in human beings when it hides inside migration "
    "procedures. Built around a fictional case of a network misusing the asylum and "
    "family-reunification procedures, the course covers the definition, the difference "
    "with smuggling, indicators, referral to the specialised centres and the Belgian victim "
    "status with its reflection period.",
    topic="trafficking",
    audiences=["police", "civil_society", "municipal_staff", "student"],
    objectives=OBJECTIVES,
    modules=[
        Module(
            title="Trafficking and smuggling: the basics",
            summary="The definition of trafficking, how it differs from smuggling, the "
            "forms of exploitation and how exploiters keep control.",
            lessons=[WHAT_TRAFFICKING_IS, FORMS_AND_CONTROL],
        ),
        Module(
            title="Case study: the Caruna circuit",
            summary="A fictional network misusing the asylum and family-reunification "
            "procedures, what each service saw, and how they put the picture together.",
            lessons=[CIRCUIT, WHAT_EACH_SAW, PICTURE_TOGETHER],
        ),
        Module(
            title="Indicators, referral and victim status",
            summary="Indicators for first-line contacts, safe referral to the specialised "
            "centres, and the reflection period and victim status.",
            lessons=[INDICATORS, REFERRAL, VICTIM_STATUS],
        ),
    ],
    pre_test=PRE_TEST,
    post_test=POST_TEST,
    sessions=[
        Session(
            title="Recognising trafficking: multidisciplinary workshop",
            city="Brussels",
            venue="Brussels City Hall (Hôtel de Ville de Bruxelles), Grand-Place, meeting room",
            days_from_now=-60,
            hours=3.5,
            capacity=25,
        ),
        Session(
            title="Trafficking in migration procedures: case-study session",
            city="Mechelen",
            venue="Stadhuis Mechelen, vergaderzaal",
            days_from_now=17,
            hours=3.0,
            capacity=20,
        ),
    ],
    estimated_hours=2.5,
    certificate_text="The holder can distinguish trafficking in human beings from migrant "
    "smuggling, recognise indicators of trafficking including the misuse of asylum and "
    "family-reunification procedures, refer a presumed victim safely to a specialised "
    "centre, and explain the Belgian victim status and reflection period.",
)
