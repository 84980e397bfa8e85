"""Course 4: fundamental rights and vulnerable persons in return procedures."""

from demo.content.schema import Choice, Course, Lesson, Module, Question, Session

OBJECTIVES = [
    "Explain the principle of non-refoulement, its absolute character under Article 3 ECHR "
    "and Article 19 of the EU Charter, and how it applies at every stage of a return.",
    "Apply the best interests of the child and the right to family unity when a return "
    "procedure concerns children or families.",
    "Explain why detention for return is a measure of last resort and which safeguards "
    "apply to it.",
    "Recognise vulnerable persons (minors, victims of trafficking, persons with health "
    "problems) and refer them to the right service.",
    "Describe how forced returns are monitored in Belgium and how a person can complain or "
    "seek a remedy.",
]

# --- Module 1 ----------------------------------------------------------------------------

NON_REFOULEMENT = Lesson(
    title="Non-refoulement: an absolute limit",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>Return policy in the European Union has a fixed limit: no one may be sent to "
            "a country where they would face a real risk of persecution, torture or inhuman "
            "or degrading treatment. This is the principle of <b>non-refoulement</b>. It "
            "applies to everyone, whatever their status, their conduct or the way they "
            "entered, and it applies to voluntary and forced return alike.</p>",
        ),
        (
            "callout",
            {
                "kind": "legal",
                "text": "<ul>"
                "<li><b>Article 3 ECHR</b> prohibits torture and inhuman or degrading "
                "treatment. The European Court of Human Rights holds that removing a person "
                "to a real risk of such treatment violates it, and that this protection has "
                "no exception, even for persons considered dangerous.</li>"
                "<li><b>Article 19 of the EU Charter of Fundamental Rights</b> prohibits "
                "collective expulsions and removal to a State where there is a serious risk "
                "of the death penalty, torture or other inhuman or degrading treatment.</li>"
                "<li><b>Article 33 of the 1951 Refugee Convention</b> prohibits returning a "
                "refugee to a territory where their life or freedom would be threatened.</li>"
                "</ul>",
            },
        ),
        ("heading", {"text": "What it means in practice", "level": "h3"}),
        (
            "rich_text",
            "<p>The risk is assessed <i>at the time of removal</i>, not only when the "
            "return decision was taken. The situation in a country can change, and so can "
            "the person's situation: a new illness, a conversion, a political activity in "
            "exile. The prohibition also covers <b>indirect refoulement</b>: sending someone "
            "to a third country that would send them on to the place of danger.</p>"
            "<p>Belgium was itself condemned by the European Court of Human Rights in "
            "<i>M.S.S. v. Belgium and Greece</i> (2011) for transferring an asylum seeker to "
            "a Member State where reception and asylum conditions exposed him to treatment "
            "contrary to Article 3. Even transfers within the EU are not automatically "
            "safe.</p>"
            "<p>For a police officer, a social worker or a clerk, the rule is simple: when a "
            "person says they fear return, that statement is not yours to assess. Record it "
            "and pass it on to the Immigration Office, and tell the person how to apply for "
            "international protection.</p>",
        ),
        (
            "glossary_term",
            {
                "term": "Non-refoulement",
                "definition": "The prohibition on returning a person, directly or "
                "indirectly, to a place where they would face a real risk of persecution, "
                "torture, inhuman or degrading treatment, or other serious harm.",
            },
        ),
    ],
)

RETURN_DIRECTIVE_SAFEGUARDS = Lesson(
    title="The safeguards of the Return Directive",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>The <b>Return Directive (2008/115/EC)</b> sets common standards for "
            "returning third-country nationals in irregular stay. It obliges Member States "
            "to return them, but every step comes with safeguards.</p>"
            "<ul>"
            "<li>When implementing the Directive, States must take due account of the best "
            "interests of the child, family life and the state of health of the person, and "
            "respect non-refoulement. In Belgium this rule is written into the Aliens Act of "
            "15 December 1980.</li>"
            "<li>Voluntary departure is preferred: a return decision normally grants a "
            "period for voluntary departure.</li>"
            "<li>Removal must be postponed when it would violate non-refoulement, and may be "
            "postponed for reasons such as the person's physical or mental state.</li>"
            "<li>Coercive measures during removal are a last resort. They must be "
            "proportionate, must not exceed reasonable force and must respect the person's "
            "dignity and physical integrity.</li>"
            "<li>Decisions are given in writing, with reasons and information on remedies, "
            "and the person has access to an effective remedy and to legal assistance.</li>"
            "<li>Pending return, family unity is maintained as far as possible, emergency "
            "health care and essential treatment are provided, minors have access to "
            "education and the special needs of vulnerable persons are taken into "
            "account.</li>"
            "</ul>",
        ),
        (
            "case_study",
            {
                "title": "A new fact on the day of removal",
                "scenario": "<p>Mr D. received an order to leave the territory a year ago. "
                "On the morning of his escorted departure, he tells the escorting officers "
                "that he has since become active in an opposition movement and that his name "
                "appeared in a newspaper in his country. He shows a photograph on his "
                "phone.</p>",
                "question": "Does the earlier order settle the question of risk? What must "
                "the officers do with this information, and who decides?",
            },
        ),
    ],
)

# --- Module 2 ----------------------------------------------------------------------------

CHILDREN_AND_FAMILIES = Lesson(
    title="Best interests of the child and family unity",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>In all actions concerning children, <b>the best interests of the child</b> "
            "must be a primary consideration. The rule comes from the UN Convention on the "
            "Rights of the Child and is repeated in Article 24 of the EU Charter and in the "
            "Return Directive. It does not mean that a child can never be returned; it means "
            "that the decision must weigh the child's situation: age, health, schooling, "
            "ties in Belgium and in the country of return, and who will care for the child "
            "there.</p>"
            "<p>The right to respect for family life (Article 8 ECHR, Article 7 of the "
            "Charter) protects <b>family unity</b>. Separating a parent from a child, for "
            "example by removing one parent while the other stays, requires a careful "
            "assessment of proportionality.</p>",
        ),
        ("heading", {"text": "Unaccompanied minors", "level": "h3"}),
        (
            "rich_text",
            "<p>A child without a parent or legal guardian in Belgium is entitled to a "
            "guardian, appointed by the Guardianship Service of the Federal Public Service "
            "Justice. Before a return decision is issued to an unaccompanied minor, the "
            "child must receive assistance from bodies other than those enforcing return. "
            "Before removal, the authorities must be satisfied that the child will be "
            "handed over to a family member, a nominated guardian or adequate reception "
            "facilities in the country of return.</p>"
            "<p>When a young person's age is in doubt, report it: the Guardianship Service "
            "can order an age assessment, and until then the person should be treated as a "
            "minor.</p>",
        ),
        (
            "callout",
            {
                "kind": "legal",
                "text": "<p>In <i>Mubilanzila Mayeka and Kaniki Mitunga v. Belgium</i> "
                "(2006), the European Court of Human Rights found that detaining a "
                "five-year-old unaccompanied girl in a centre for adults and then removing her "
                "alone violated Articles 3, 5 and 8 ECHR. It remains a reference point for "
                "how children must be treated in return procedures.</p>",
            },
        ),
        (
            "checklist",
            {
                "title": "When a return concerns a child",
                "items": [
                    "Is the child accompanied? If not, has a guardian been appointed?",
                    "Have the child's age, health and schooling been recorded and passed on?",
                    "Would the measure separate the child from a parent or siblings?",
                    "Who will receive and care for the child in the country of return?",
                    "Has the child been heard in a way suited to their age?",
                ],
            },
        ),
    ],
)

DETENTION_LAST_RESORT = Lesson(
    title="Detention as a last resort",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>Detention deprives a person of liberty who has not been convicted of "
            "anything. The Return Directive therefore allows it only to prepare return or "
            "carry out removal, and only where less coercive measures cannot be applied "
            "effectively, in particular when there is a risk of absconding or the person "
            "hampers the preparation of return.</p>"
            "<ul>"
            "<li>It lasts as short a time as possible and only while removal arrangements "
            "are in progress and carried out with due diligence.</li>"
            "<li>It is ordered in writing, with reasons, and is subject to judicial review; "
            "in Belgium the council chamber of the criminal court reviews the lawfulness of "
            "administrative detention of foreigners.</li>"
            "<li>It ends when a reasonable prospect of removal no longer exists.</li>"
            "<li>It takes place, as a rule, in specialised facilities (in Belgium, closed "
            "centres), not in ordinary prisons.</li>"
            "</ul>",
        ),
        (
            "glossary_term",
            {
                "term": "Alternatives to detention",
                "definition": "Less coercive measures that allow return to be prepared "
                "without deprivation of liberty, such as regular reporting, residence at an "
                "assigned address, the surrender of documents or return counselling.",
            },
        ),
        (
            "rich_text",
            "<p>For children and families, the Directive goes further: they may be detained "
            "only as a measure of last resort and for the shortest appropriate period. "
            "Belgian law sets the principle that families with minor children are not "
            "placed in closed centres unless the place is adapted to their needs, and "
            "Belgium uses open family units, known as return homes, where families prepare "
            "their return with a coach.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>Voluntary return is also an alternative. A person who accepts "
                "return counselling can be guided to the voluntary return programme, which "
                "includes practical organisation of the journey and, depending on the "
                "situation, reintegration support.</p>",
            },
        ),
    ],
)

# --- Module 3 ----------------------------------------------------------------------------

VULNERABLE_PERSONS = Lesson(
    title="Recognising and referring vulnerable persons",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>The Return Directive lists as vulnerable persons: minors, unaccompanied "
            "minors, disabled people, elderly people, pregnant women, single parents with "
            "minor children, and persons who have been subjected to torture, rape or other "
            "serious forms of psychological, physical or sexual violence. The list is a "
            "starting point. In practice, first-line workers also meet victims of "
            "trafficking and persons with serious physical or mental health problems.</p>"
            "<p>Recognising vulnerability does not stop a procedure by itself, but it "
            "changes how the procedure must be carried out, and sometimes whether it can "
            "be. The person who first notices the signs is often a police officer, a social "
            "worker or a clerk, not the official who decides.</p>",
        ),
        ("heading", {"text": "Three situations and where to refer", "level": "h3"}),
        (
            "rich_text",
            "<ul>"
            "<li><b>A minor.</b> Report to the Guardianship Service and inform the "
            "Immigration Office; the child must not be treated as an adult while the age "
            "is in doubt.</li>"
            "<li><b>A possible victim of trafficking.</b> Contact one of the specialised "
            "centres (Payoke in Antwerp, PAG-ASA in Brussels, Sürya in Liège) or, for police, "
            "the reference magistrate for trafficking at the prosecutor's office. A victim "
            "can obtain a reflection period and protection.</li>"
            "<li><b>A person with a serious illness.</b> Record it and pass it on. Removal "
            "may breach Article 3 ECHR where the lack of appropriate treatment in the "
            "country of return would expose the person to a serious, rapid and irreversible "
            "decline in health, as the Court held in <i>Paposhvili v. Belgium</i> (2016). "
            "Belgian law also provides a residence procedure on medical grounds, and "
            "fitness to travel is checked before removal.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>Vulnerability is often hidden. Victims of violence or trafficking "
                "may not speak in the presence of a companion, in a language they master "
                "poorly or in front of uniformed officers. Where possible, speak with the "
                "person alone, with a professional interpreter, and explain what happens "
                "next.</p>",
            },
        ),
    ],
)

MONITORING = Lesson(
    title="Monitoring of forced returns",
    minutes=10,
    body=[
        (
            "rich_text",
            "<p>The Return Directive requires every Member State to have an effective "
            "forced-return monitoring system. Monitoring gives an independent view of "
            "whether removals respect the law and the returnee's rights, and it protects "
            "the escorting officers as well: a neutral observer can confirm that force was "
            "used lawfully.</p>"
            "<p>In Belgium, the <b>General Inspectorate of the Federal Police and of the "
            "Local Police (AIG)</b> is the body designated to monitor forced returns. "
            "Monitors can observe the preparation of a removal, the transfer to the "
            "airport, the boarding and the flight, and they report their findings. For "
            "joint return operations coordinated by the European Border and Coast Guard "
            "Agency (Frontex), forced-return monitors from a European pool can take part, "
            "and the agency has its own fundamental rights officer and complaints "
            "mechanism.</p>",
        ),
        (
            "checklist",
            {
                "title": "What monitors typically look at",
                "items": [
                    "Was the person informed of the removal and its practical arrangements?",
                    "Were medical needs and fitness to travel checked, with medication "
                    "available for the journey?",
                    "Were restraints used only when necessary and proportionate, and recorded?",
                    "Could the person contact a lawyer or family, and keep personal belongings?",
                    "Were children and families treated according to their needs?",
                ],
            },
        ),
        (
            "rich_text",
            "<p>For escorting officers, working with a monitor means giving access, explaining "
            "decisions when asked and recording every coercive measure in the operation report. A "
            "removal that is interrupted, for example because the person resists or a medical "
            "problem appears, is recorded too. Monitors' findings are meant to improve practice: "
            "the information given to returnees before departure, the equipment used, or the "
            "training of escorts.</p>",
        ),
    ],
)

COMPLAINTS = Lesson(
    title="Complaints and remedies",
    minutes=10,
    body=[
        (
            "rich_text",
            "<p>Rights mean little without a way to enforce them. A person in a return "
            "procedure, or someone acting for them, can use several routes, and first-line "
            "workers should know them well enough to point the way.</p>"
            "<ul>"
            "<li><b>Appeal against a decision.</b> Orders to leave the territory and other "
            "decisions of the Immigration Office can be challenged before the Council for "
            "Alien Law Litigation (Conseil du Contentieux des Étrangers / Raad voor "
            "Vreemdelingenbetwistingen), in urgent cases through an extremely urgent "
            "procedure.</li>"
            "<li><b>Challenge to detention.</b> The council chamber of the criminal court "
            "reviews the lawfulness of detention.</li>"
            "<li><b>Complaint about conditions in a closed centre.</b> Detainees can lodge a "
            "complaint with the complaints commission for the closed centres.</li>"
            "<li><b>Complaint about police conduct.</b> To the police service itself, to the "
            "AIG, or to the Standing Police Monitoring Committee (Comité P); a criminal "
            "complaint remains possible.</li>"
            "<li><b>European level.</b> After domestic remedies, an application can be "
            "brought before the European Court of Human Rights, which can order interim "
            "measures to stop a removal in urgent cases.</li>"
            "</ul>",
        ),
        (
            "rich_text",
            "<p>First-line workers are not expected to know every procedure in detail. Knowing "
            "that these routes exist, that the deadlines for appeals are short, and that a lawyer "
            "or a specialised organisation can help is enough to point the person in the right "
            "direction. Filing a complaint must never be held against the person who files it.</p>",
        ),
        (
            "case_study",
            {
                "title": "A complaint at the counter",
                "scenario": "<p>A woman comes to a social service in Charleroi. Her brother, "
                "held in a closed centre, told her by phone that he was restrained during a "
                "failed removal attempt and that his wrist is still swollen. He does not know "
                "whether he can complain and fears it will harm his case.</p>",
                "question": "Which routes can the social worker explain, what should be "
                "recorded now, and why does filing a complaint not count against him?",
            },
        ),
    ],
)

# --- Tests -------------------------------------------------------------------------------

PRE_TEST = [
    Question(
        objective=0,
        text="Can a person considered dangerous to public order be removed to a country "
        "where they face a real risk of torture?",
        choices=[
            Choice("No: the protection of Article 3 ECHR has no exception.", correct=True),
            Choice(
                "Yes, if the risk to public order is serious enough.",
                feedback="Under Article 3 ECHR the prohibition is absolute; the person's "
                "conduct cannot be weighed against the risk.",
            ),
            Choice(
                "Yes, if the person entered irregularly.",
                feedback="Non-refoulement protects everyone, whatever the manner of entry.",
            ),
        ],
        explanation="The European Court of Human Rights treats removal to a real risk of "
        "torture or inhuman treatment as absolutely prohibited.",
    ),
    Question(
        objective=0,
        text="During a check, a man says he will be killed if he is sent back. What should "
        "the officer do?",
        choices=[
            Choice(
                "Record the statement, pass it on to the Immigration Office and tell him how "
                "to apply for international protection.",
                correct=True,
            ),
            Choice(
                "Assess whether his fear is credible before reporting it.",
                feedback="Assessing the risk is for the competent authorities, not for the "
                "officer at the scene.",
            ),
            Choice(
                "Ignore it if he already received an order to leave the territory.",
                feedback="Risk is assessed at the time of removal; a new statement must be "
                "passed on.",
            ),
        ],
        explanation="First-line staff record and transmit; they do not decide on risk.",
    ),
    Question(
        objective=1,
        text="What does the principle of the best interests of the child require in a "
        "return procedure?",
        choices=[
            Choice(
                "That the child's situation be a primary consideration in every decision "
                "that concerns the child.",
                correct=True,
            ),
            Choice(
                "That children are never returned.",
                feedback="Children can be returned; the principle governs how and whether, "
                "after weighing their situation.",
            ),
            Choice(
                "That the parents decide alone what is best for the child.",
                feedback="Parents' views count, but the authorities must assess the child's "
                "interests themselves.",
            ),
        ],
        explanation="The principle comes from the UN Convention on the Rights of the Child "
        "and is part of the Charter and the Return Directive.",
    ),
    Question(
        objective=1,
        text="Before an unaccompanied minor is removed, what must the authorities be satisfied of?",
        choices=[
            Choice(
                "That the child will be handed over to a family member, a nominated guardian "
                "or adequate reception facilities.",
                correct=True,
            ),
            Choice(
                "Only that the child holds a valid travel document.",
                feedback="A document is necessary but not sufficient; the child's reception "
                "must be secured.",
            ),
            Choice(
                "That the child has reached 16 years of age.",
                feedback="There is no such age threshold; the guarantee about reception "
                "applies to every unaccompanied minor.",
            ),
        ],
        explanation="The Return Directive adds specific guarantees for unaccompanied minors, "
        "including a guardian and secure reception on return.",
    ),
    Question(
        objective=2,
        text="When may a person be detained for the purpose of return?",
        choices=[
            Choice(
                "Only when less coercive measures cannot be applied effectively, to prepare "
                "return or carry out removal.",
                correct=True,
            ),
            Choice(
                "Whenever a return decision has been issued.",
                feedback="A return decision does not justify detention by itself; detention "
                "is a last resort.",
            ),
            Choice(
                "As a penalty for irregular stay.",
                feedback="Detention for return is an administrative measure, not a punishment.",
            ),
        ],
        explanation="The Return Directive makes detention a last resort, for as short a "
        "time as possible.",
    ),
    Question(
        objective=2,
        text="In Belgium, which body reviews the lawfulness of the administrative detention "
        "of a foreigner?",
        choices=[
            Choice("The council chamber of the criminal court.", correct=True),
            Choice(
                "The municipality where the person lives.",
                feedback="Municipalities have no role in reviewing detention.",
            ),
            Choice(
                "The Immigration Office itself.",
                feedback="The authority that orders detention cannot be its own judge; "
                "review is judicial.",
            ),
        ],
        explanation="Detention must be subject to judicial review; in Belgium that is the "
        "council chamber (chambre du conseil / raadkamer).",
    ),
    Question(
        objective=3,
        text="Which of these persons does the Return Directive list as vulnerable? "
        "(Several answers.)",
        choices=[
            Choice("Pregnant women.", correct=True),
            Choice("Single parents with minor children.", correct=True),
            Choice("Persons who have been subjected to torture or rape.", correct=True),
            Choice(
                "Persons who have stayed irregularly for more than five years.",
                feedback="Length of stay is not a ground of vulnerability in the Directive.",
            ),
        ],
        explanation="The list also includes minors, unaccompanied minors, disabled and "
        "elderly people.",
    ),
    Question(
        objective=3,
        text="You suspect that a young woman you meet is a victim of trafficking. Where can "
        "she be referred for specialised assistance?",
        choices=[
            Choice(
                "To a specialised centre: Payoke, PAG-ASA or Sürya.",
                correct=True,
            ),
            Choice(
                "To her country's embassy.",
                feedback="The embassy is not a protection service, and contacting it can "
                "expose her to risk.",
            ),
            Choice(
                "To the closed centre, where she will be safe from the traffickers.",
                feedback="Detention is not protection; victims are referred to the "
                "specialised centres.",
            ),
        ],
        explanation="The three recognised centres accompany victims and can request the "
        "victim status with them.",
    ),
    Question(
        objective=4,
        text="Which Belgian body is designated to monitor forced returns?",
        choices=[
            Choice(
                "The General Inspectorate of the Federal Police and of the Local Police (AIG).",
                correct=True,
            ),
            Choice(
                "The Immigration Office's removal service.",
                feedback="The service that organises removals cannot be its own monitor.",
            ),
            Choice(
                "The airline carrying the returnee.",
                feedback="Airlines have safety duties, but monitoring is a public task.",
            ),
        ],
        explanation="The Return Directive requires an effective monitoring system; Belgium "
        "designated the AIG.",
    ),
    Question(
        objective=4,
        text="A detainee wants to complain about conditions in a closed centre. Which route "
        "is designed for this?",
        choices=[
            Choice("The complaints commission for the closed centres.", correct=True),
            Choice(
                "The Council for Alien Law Litigation.",
                feedback="That Council hears appeals against decisions, not complaints about "
                "detention conditions.",
            ),
            Choice(
                "There is no route: detainees cannot complain.",
                feedback="Detainees have a specific complaints procedure.",
            ),
        ],
        explanation="A dedicated commission handles complaints about life in the closed centres.",
    ),
]

POST_TEST = [
    Question(
        objective=0,
        text="What does indirect refoulement mean?",
        choices=[
            Choice(
                "Sending a person to a third country that would send them on to a place of danger.",
                correct=True,
            ),
            Choice(
                "Returning a person on an indirect flight with a transit stop.",
                feedback="The route of the flight is irrelevant; the issue is onward removal "
                "to danger.",
            ),
            Choice(
                "Encouraging a person to leave voluntarily.",
                feedback="Voluntary return is not refoulement, provided the person is not "
                "returned to danger.",
            ),
        ],
        explanation="Non-refoulement covers chains of removal, not only the first destination.",
    ),
    Question(
        objective=0,
        text="Which provisions protect a person against removal to a risk of torture or "
        "inhuman treatment? (Several answers.)",
        choices=[
            Choice("Article 3 ECHR.", correct=True),
            Choice("Article 19 of the EU Charter of Fundamental Rights.", correct=True),
            Choice(
                "The rules on the reintegration premium.",
                feedback="Reintegration rules concern support after return, not protection "
                "against removal.",
            ),
        ],
        explanation="Article 3 ECHR and Article 19(2) of the Charter, together with the "
        "Refugee Convention, ground non-refoulement.",
    ),
    Question(
        objective=1,
        text="A father in irregular stay has two children at school in Ghent with their "
        "mother, who has a residence permit. What must a removal decision weigh?",
        choices=[
            Choice(
                "The children's best interests and the family's right to respect for family life.",
                correct=True,
            ),
            Choice(
                "Nothing, as only the father is in irregular stay.",
                feedback="Separating a parent from his children engages family life and the "
                "children's interests.",
            ),
            Choice(
                "Only whether the mother agrees.",
                feedback="Her view matters but the authorities must assess proportionality "
                "themselves.",
            ),
        ],
        explanation="Family life and the best interests of the child must be taken into "
        "account, as Belgian law also requires.",
    ),
    Question(
        objective=1,
        text="A young person says he is 16, but the officer thinks he looks older. What "
        "should happen?",
        choices=[
            Choice(
                "Report the doubt to the Guardianship Service and treat him as a minor until "
                "his age is established.",
                correct=True,
            ),
            Choice(
                "Record him as an adult, since the officer's impression is enough.",
                feedback="Appearance is unreliable; the Guardianship Service can order an "
                "age assessment.",
            ),
            Choice(
                "Ask his embassy for his date of birth.",
                feedback="Contacting the authorities of the country of origin can expose a "
                "person in need of protection.",
            ),
        ],
        explanation="Where age is in doubt, the person benefits from the protection of a "
        "minor until it is assessed.",
    ),
    Question(
        objective=2,
        text="What does the Return Directive say about detaining children and families?",
        choices=[
            Choice(
                "Only as a measure of last resort and for the shortest appropriate period.",
                correct=True,
            ),
            Choice(
                "It is prohibited in all circumstances.",
                feedback="The Directive does not ban it outright, but makes it an exceptional "
                "last resort.",
            ),
            Choice(
                "It follows the same rules as for adults.",
                feedback="Children and families have additional protection.",
            ),
        ],
        explanation="Belgium also uses open family units (return homes) as an alternative.",
    ),
    Question(
        objective=2,
        text="Which of these are alternatives to detention? (Several answers.)",
        choices=[
            Choice("Regular reporting to the authorities.", correct=True),
            Choice("Residence at an assigned address.", correct=True),
            Choice("Return counselling towards voluntary return.", correct=True),
            Choice(
                "Placement in an ordinary prison.",
                feedback="That is detention, and ordinary prisons are not the rule for "
                "detention for return.",
            ),
        ],
        explanation="Less coercive measures must be considered before detention.",
    ),
    Question(
        objective=3,
        text="Why does the ECtHR judgment in Paposhvili v. Belgium matter for persons with "
        "serious health problems?",
        choices=[
            Choice(
                "It held that removal can breach Article 3 where lack of treatment would "
                "expose the person to a serious, rapid and irreversible decline in health.",
                correct=True,
            ),
            Choice(
                "It held that no ill person may ever be removed.",
                feedback="The threshold is high; not every illness prevents removal.",
            ),
            Choice(
                "It concerned only detention conditions.",
                feedback="It concerned the removal of a seriously ill person.",
            ),
        ],
        explanation="Health problems must be recorded and passed on so that this assessment "
        "can be made.",
    ),
    Question(
        objective=3,
        text="How can you help a possible victim of violence speak about her situation? "
        "(Several answers.)",
        choices=[
            Choice("Speak with her without her companion present.", correct=True),
            Choice("Use a professional interpreter.", correct=True),
            Choice(
                "Let her companion translate, as he knows her best.",
                feedback="The companion may be the person controlling her.",
            ),
            Choice("Explain what will happen next.", correct=True),
        ],
        explanation="Hidden vulnerability comes out when the person feels safe and understood.",
    ),
    Question(
        objective=4,
        text="Why does forced-return monitoring also benefit escorting officers?",
        choices=[
            Choice(
                "An independent observer can confirm that force was used lawfully.",
                correct=True,
            ),
            Choice(
                "Monitors take over restraint when needed.",
                feedback="Monitors observe and report; they do not take part in the operation.",
            ),
            Choice(
                "Monitoring replaces the officers' own reports.",
                feedback="Officers still record their actions; monitoring is an additional "
                "safeguard.",
            ),
        ],
        explanation="Monitoring protects the returnee's rights and gives a neutral account "
        "of the operation.",
    ),
    Question(
        objective=4,
        text="A person received an order to leave the territory and wants to challenge it. "
        "Where is the appeal brought?",
        choices=[
            Choice(
                "Before the Council for Alien Law Litigation.",
                correct=True,
            ),
            Choice(
                "Before the Standing Police Monitoring Committee (Comité P).",
                feedback="Comité P handles complaints about police conduct, not appeals "
                "against immigration decisions.",
            ),
            Choice(
                "Before the municipality that served the order.",
                feedback="Serving an order does not make the municipality the appeal body.",
            ),
        ],
        explanation="Decisions of the Immigration Office are challenged before the Council "
        "for Alien Law Litigation, with an extremely urgent procedure in urgent cases.",
    ),
]

COURSE = Course(
    slug="fundamental-rights-and-vulnerable-persons",
    title="Fundamental rights and vulnerable persons in return procedures",
    summary="The limits and safeguards that apply at every step of a return: "
    "non-refoulement, the best interests of the child, family unity, detention as a last "
    "resort, the identification and referral of vulnerable persons, the monitoring of "
    "forced returns and the routes for complaints and appeals in Belgium.",
    topic="fundamental-rights",
    audiences=["police", "student", "civil_society", "municipal_staff"],
    objectives=OBJECTIVES,
    modules=[
        Module(
            title="The legal frame",
            summary="Non-refoulement under the ECHR, the EU Charter and the Refugee "
            "Convention, and the safeguards built into the Return Directive.",
            lessons=[NON_REFOULEMENT, RETURN_DIRECTIVE_SAFEGUARDS],
        ),
        Module(
            title="Children, families and detention",
            summary="The best interests of the child, family unity, unaccompanied minors, "
            "and why detention is a last resort with alternatives.",
            lessons=[CHILDREN_AND_FAMILIES, DETENTION_LAST_RESORT],
        ),
        Module(
            title="Vulnerable persons, monitoring and complaints",
            summary="Recognising minors, victims of trafficking and seriously ill persons; "
            "how forced returns are monitored; and how to complain or appeal.",
            lessons=[VULNERABLE_PERSONS, MONITORING, COMPLAINTS],
        ),
    ],
    pre_test=PRE_TEST,
    post_test=POST_TEST,
    sessions=[
        Session(
            title="Fundamental rights in return: seminar for students and social workers",
            city="Ghent",
            venue="Ghent city hall (Stadhuis Gent), Pacificatiezaal",
            days_from_now=-20,
            hours=3.0,
            capacity=30,
        ),
        Session(
            title="Vulnerable persons in return procedures: workshop for police and "
            "municipal staff",
            city="Charleroi",
            venue="Hôtel de Ville de Charleroi, salle du conseil",
            days_from_now=38,
            hours=3.5,
            capacity=20,
        ),
    ],
    estimated_hours=3.0,
    certificate_text="The holder can explain the principle of non-refoulement and the "
    "safeguards of the Return Directive, apply the best interests of the child and family "
    "unity, explain why detention is a last resort, recognise and refer vulnerable persons, "
    "and describe the monitoring of forced returns and the routes for complaints.",
)
