"""Course 3: identification and documentation, the step on which every return depends."""

from demo.content.schema import Choice, Course, Lesson, Module, Question, Session

OBJECTIVES = [
    "Explain why establishing identity and obtaining a travel document decide whether, and "
    "when, a return decision can be carried out.",
    "Describe how cooperation with countries of origin works, from consular identification to "
    "the issue of a laissez-passer, and what field services contribute to it.",
    "Recognise the main security features of identity and travel documents and the main types "
    "of document fraud, including look-alike (impostor) fraud.",
    "Carry out a structured first-line document check and know when and to whom to refer a "
    "suspect document or a vulnerable person.",
]

# --- Module 1 ----------------------------------------------------------------------------

WHY_IDENTIFICATION = Lesson(
    title="No document, no return",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>A return decision states that a person has no right to stay and must leave. "
            "Carrying it out is another matter. No airline will board a passenger without a "
            "valid travel document, and no country will admit a person it has not recognised "
            "as its own national. Identification is therefore not an administrative detail at "
            "the end of the procedure: it is the condition on which the whole return rests, "
            "whether the departure is voluntary or enforced.</p>"
            "<p>Many people in irregular stay have no passport, or only a copy, an expired "
            "document or a document issued to someone else. Some lost their papers on the "
            "way; some were told by smugglers to destroy them; some never had any. The "
            "authorities must then establish two things: <b>who the person is</b> (name, date "
            "and place of birth) and <b>which country</b> will recognise them and issue a "
            "document.</p>",
        ),
        ("heading", {"text": "Why it matters to the person, too", "level": "h3"}),
        (
            "rich_text",
            "<p>Identification is not only in the interest of the State. A person who wants "
            "to go home through the voluntary return programme also needs a travel document, "
            "and the return partners help obtain it. A person whose identity is established "
            "correctly is protected against being confused with someone else, against being "
            "sent to the wrong country, and against detention that lasts longer than "
            "necessary.</p>",
        ),
        (
            "callout",
            {
                "kind": "legal",
                "text": "<p>Under the <b>Return Directive (2008/115/EC)</b>, detention for the "
                "purpose of removal is only justified while removal arrangements are in "
                "progress and carried out with due diligence. When a reasonable prospect of "
                "removal no longer exists, detention is no longer justified and the person "
                "must be released. Delays in obtaining documents from the country of origin "
                "are one of the reasons the Directive allows a longer detention period, "
                "within a strict maximum.</p>",
            },
        ),
        (
            "glossary_term",
            {
                "term": "Return decision",
                "definition": "An administrative or judicial decision stating that a "
                "third-country national's stay is illegal and imposing an obligation to "
                "return. In Belgium it usually takes the form of an order to leave the "
                "territory issued by the Immigration Office.",
            },
        ),
        (
            "glossary_term",
            {
                "term": "Removal",
                "definition": "The enforcement of the obligation to return: the physical "
                "transport of the person out of the Member State.",
            },
        ),
    ],
)

WHO_DOES_WHAT = Lesson(
    title="Who does what in Belgium",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>In Belgium the <b>Immigration Office</b> (Office des Étrangers / Dienst "
            "Vreemdelingenzaken) decides on residence and return, and it is the Immigration "
            "Office that contacts embassies and consulates to obtain identification and "
            "travel documents. It cannot do this alone. What happens in the first hours "
            "after a person is met in the field often decides whether identification will "
            "succeed weeks later.</p>"
            "<ul>"
            "<li><b>Local and federal police</b> carry out the administrative check, contact "
            "the Immigration Office's on-call service, and record and transmit every "
            "element of identity they find.</li>"
            "<li><b>Municipalities</b> (population and foreigners desks) hold registration "
            "data and copies of documents presented in earlier procedures.</li>"
            "<li><b>Reception centres and return counsellors</b> help people who choose "
            "voluntary return to obtain their documents.</li>"
            "<li><b>Local liaison officers</b> seconded by the Immigration Office to the large "
            "cities link these services and answer their procedural questions.</li>"
            "</ul>"
            "<p>Field services often do not know what the Immigration Office needs. Experience "
            "with the liaison officers shows that a short phone call before a file is sent "
            "avoids many incomplete reports.</p>",
        ),
        (
            "checklist",
            {
                "title": "What to record and pass on after an administrative check",
                "items": [
                    "Every identity document found, original or copy, with a clear scan of "
                    "each page that carries data, stamps or visas.",
                    "Names, aliases, date and place of birth as declared, and the languages "
                    "the person speaks.",
                    "Other documents that point to a nationality: birth certificate, driving "
                    "licence, residence card of another country, tickets, boarding passes.",
                    "Fingerprints and photograph, taken according to police procedures.",
                    "Any sign of vulnerability (age, health, pregnancy, signs of "
                    "exploitation) and any statement that the person fears return.",
                    "The seizure report, if a document was kept, so that the chain of "
                    "custody is clear.",
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>Never contact the authorities of the country of origin yourself. "
                "While an application for international protection is pending, those "
                "authorities must not learn that the person has applied: they may be the "
                "very actors the person fears. Contacts with embassies go through the "
                "Immigration Office.</p>",
            },
        ),
    ],
)

# --- Module 2 ----------------------------------------------------------------------------

CONSULAR_IDENTIFICATION = Lesson(
    title="Consular identification",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>A country readmits a person once it accepts that the person is its national. "
            "The Immigration Office therefore sends an identification request to the embassy "
            "or consulate of the presumed country of origin, with copies of the documents "
            "and the data collected. Depending on the country and on the agreements in "
            "force, the consular authorities may:</p>"
            "<ul>"
            "<li>check the data against their civil registers or passport databases;</li>"
            "<li>ask to interview the person, at the consulate, by video or during a visit "
            "to a closed centre;</li>"
            "<li>send a delegation of officials to interview several persons during one "
            "identification mission;</li>"
            "<li>accept a copy of an expired passport or identity card as proof of "
            "nationality, sometimes without a further interview.</li>"
            "</ul>"
            "<h4>The legal frame of cooperation</h4>"
            "<p>Every State must readmit its own nationals under international law, but in "
            "practice cooperation depends on working arrangements. The European Union has "
            "concluded readmission agreements and less formal arrangements with a number of "
            "third countries, and Belgium also relies on bilateral agreements, some of them "
            "concluded together with its Benelux partners. These texts set which evidence "
            "of nationality is accepted, the deadlines for an answer and the procedure for "
            "issuing documents. Without such cooperation, even a complete file can wait for "
            "months.</p>"
            "<p>The quality of the file counts. A request with a readable copy of a document, "
            "consistent personal data and the languages spoken is answered faster than one "
            "with a name spelled three different ways. This is where first-line services "
            "make the difference.</p>",
        ),
        (
            "case_study",
            {
                "title": "Three spellings of one name",
                "scenario": "<p>During a check at a railway station, a local police patrol "
                "meets a man without papers who gives his name orally. The officer writes it "
                "down phonetically. Two months earlier, a reception centre had registered a "
                "slightly different spelling, and a copy of an old school certificate found "
                "in his bag gives a third one. The Immigration Office sends an identification "
                "request with the first spelling only. The consulate replies that it cannot "
                "find the person.</p>",
                "question": "What could each service have done to give the consulate a "
                "usable file, and who should have compared the three spellings?",
            },
        ),
    ],
)

TRAVEL_DOCUMENTS = Lesson(
    title="Travel documents for return",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>Once nationality is accepted, the person needs a document to travel. There "
            "are three possibilities.</p>"
            "<ol>"
            "<li><b>A valid national passport.</b> The simplest case. Where the passport has "
            "been seized or handed over, it travels with the escort or is handed to the "
            "person at departure.</li>"
            "<li><b>A laissez-passer issued by the country of origin.</b> After "
            "identification, the consulate issues an emergency travel document valid for "
            "one journey to its territory, usually for a short period. Its validity must "
            "match the date of the flight, so identification and the booking of the return "
            "have to be coordinated.</li>"
            "<li><b>The European travel document for return.</b> A standard EU document that "
            "Member States issue themselves. It is used when the country of return accepts "
            "it, often on the basis of a readmission agreement or arrangement.</li>"
            "</ol>",
        ),
        (
            "glossary_term",
            {
                "term": "Laissez-passer",
                "definition": "A travel document issued by the consular authorities of the "
                "country of origin to a national who has no valid passport, allowing a "
                "single journey back to that country.",
            },
        ),
        (
            "glossary_term",
            {
                "term": "European travel document for return",
                "definition": "A uniform travel document for the return of illegally "
                "staying third-country nationals, established by EU Regulation 2016/1953 "
                "and issued by the Member State that carries out the return.",
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "text": "<p>For voluntary return, the return counsellor or the return partner "
                "takes care of the travel document with the person. A person who is "
                "considering voluntary return should be told that help with documents is "
                "part of the programme, together with the ticket and assistance at the "
                "airports.</p>",
            },
        ),
        (
            "rich_text",
            "<p>A laissez-passer does not settle every question. Before removal, the "
            "Immigration Office must still be satisfied that return does not expose the "
            "person to a real risk of serious harm, and the person keeps the right to the "
            "remedies provided by law. Identification establishes <i>where</i> a person can "
            "be returned, not <i>whether</i> the return is lawful.</p>",
        ),
    ],
)

# --- Module 3 ----------------------------------------------------------------------------

SECURITY_FEATURES = Lesson(
    title="Security features of identity and travel documents",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>Genuine documents are produced by a few specialised printers with materials "
            "and techniques that are hard to reproduce. Security features are built in "
            "layers, so that an inspector can check some with the naked eye, some with a "
            "simple tool and the rest only in a laboratory.</p>",
        ),
        ("heading", {"text": "The main families of features", "level": "h3"}),
        (
            "rich_text",
            "<ul>"
            "<li><b>Substrate.</b> Security paper without optical brighteners, with "
            "watermarks, security threads and fibres visible under ultraviolet light; or "
            "polycarbonate data pages in which data are laser-engraved inside the "
            "material.</li>"
            "<li><b>Printing techniques.</b> Fine-line patterns (guilloches), microprinting "
            "that becomes a line of text under a magnifier, intaglio printing that can be "
            "felt with a fingertip, inks that react to ultraviolet light.</li>"
            "<li><b>Optically variable features.</b> Holograms, kinegrams and colour-shifting "
            "inks that change when the document is tilted.</li>"
            "<li><b>Personalisation.</b> The way the photograph and data are applied: "
            "integrated into the page, not glued on, often with a second, smaller "
            "image.</li>"
            "<li><b>Machine-readable zone and chip.</b> The MRZ repeats the main data with "
            "check digits; in an electronic passport the chip holds the data and the "
            "photograph, digitally signed by the issuing State.</li>"
            "</ul>",
        ),
        (
            "glossary_term",
            {
                "term": "Machine-readable zone (MRZ)",
                "definition": "The lines of characters at the bottom of the data page, "
                "following the ICAO Doc 9303 standard (two lines of 44 characters in a "
                "passport). Check digits allow a reader, or a trained eye, to detect altered "
                "data.",
            },
        ),
        (
            "checklist",
            {
                "title": "Look, feel, tilt: a first check without tools",
                "items": [
                    "Look: print quality, alignment, fonts, the photograph's integration, "
                    "consistency between the visual zone and the MRZ.",
                    "Feel: raised intaglio print, the edges of the photograph, a laminate "
                    "that lifts or feels uneven.",
                    "Tilt: holograms and colour-shifting ink must change; a printed copy "
                    "of a hologram stays flat.",
                    "Compare: with a genuine specimen in a reference source such as PRADO, "
                    "the EU's public register of authentic documents.",
                ],
            },
        ),
    ],
)

FRAUD_TYPES = Lesson(
    title="Types of document fraud",
    minutes=14,
    body=[
        (
            "rich_text",
            "<p>Document fraud takes several forms. Knowing them tells the inspector what to "
            "look for: a perfect document can still be used fraudulently.</p>",
        ),
        (
            "glossary_term",
            {
                "term": "Counterfeit",
                "definition": "A complete reproduction of a genuine document, made by "
                "unauthorised persons. Its security features are imitated, often with "
                "visible differences in print quality or in features that cannot be copied.",
            },
        ),
        (
            "glossary_term",
            {
                "term": "Forgery (falsified document)",
                "definition": "A genuine document that has been altered: photograph "
                "substituted, data changed, pages replaced or visas and stamps added.",
            },
        ),
        (
            "glossary_term",
            {
                "term": "Fraudulently obtained genuine document",
                "definition": "A document issued by the competent authority but on the "
                "basis of false supporting documents, false statements or corruption. The "
                "document itself passes every technical check.",
            },
        ),
        (
            "glossary_term",
            {
                "term": "Look-alike or impostor fraud",
                "definition": "A genuine, unaltered document used by someone other than "
                "its rightful holder, who resembles the holder's photograph.",
            },
        ),
        ("heading", {"text": "Comparing a face with a photograph", "level": "h3"}),
        (
            "rich_text",
            "<p>Impostor fraud is common because it needs no forger, only a document and a "
            "resemblance. Hair, beard, glasses and weight change easily and say little. "
            "Features that change slowly are more reliable: the shape of the ears, the "
            "nose, the eyebrows and the eye distance, scars or moles, the proportions of the "
            "face. Take the date of issue into account: a child or teenager's face changes "
            "a lot in a few years.</p>"
            "<p>Compare the rest of the document with the person too: the age and height "
            "stated, the signature, and whether the person knows the data in the document "
            "(date of birth, place of issue) without hesitation.</p>",
        ),
        (
            "case_study",
            {
                "title": "A brother's passport",
                "scenario": "<p>At a municipal foreigners desk, a young man presents a "
                "genuine passport of a neighbouring country to register a change of address. "
                "The photograph is eight years old and shows a man with a beard. The clerk "
                "notices that the ears in the photograph are attached lower than the "
                "applicant's, and the applicant hesitates when asked his date of birth.</p>",
                "question": "Is the passport itself suspect? What should the clerk do and "
                "not do at the desk, and to whom should the case be referred?",
            },
        ),
    ],
)

CHECK_AND_REFER = Lesson(
    title="Checking a document and referring",
    minutes=12,
    body=[
        (
            "rich_text",
            "<p>A first-line officer or clerk is not a forensic examiner. The aim of a "
            "first-line check is to decide whether a document can be accepted or needs a "
            "closer look, and to preserve the evidence if it does. Belgian police can call "
            "on specialised document experts of the federal police for a second-line "
            "examination; municipal staff follow their municipality's procedure, which "
            "usually goes through the police and informs the Immigration Office.</p>",
        ),
        (
            "checklist",
            {
                "title": "A structured first-line check",
                "items": [
                    "Is this type of document known and is it valid (dates, issuing "
                    "authority, number format)?",
                    "Do the security features respond as expected (look, feel, tilt, "
                    "ultraviolet light if available)?",
                    "Are the visual zone and the MRZ consistent, and do the check digits add up?",
                    "Does the holder match the photograph and the data (age, height, "
                    "signature, knowledge of the data)?",
                    "Do the stamps, visas and other documents tell a consistent story?",
                    "If in doubt: keep the document under the legal procedure, write down "
                    "what you observed and refer it to a document expert.",
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "text": "<p>A single doubtful feature does not prove fraud: documents wear, "
                "and issuing authorities make mistakes. Describe what you saw rather than "
                "concluding. And remember that a refugee may have had no choice but to travel "
                "on a false document: the use of a false document does not remove the right "
                "to apply for international protection.</p>",
            },
        ),
        (
            "rich_text",
            "<p>The check is also a moment to see the person behind the document. A person "
            "who does not hold their own papers, who has a document of which they do not "
            "know the content, or who is accompanied by someone who speaks for them may be "
            "under someone else's control. Such signs can point to trafficking in human "
            "beings and call for referral, not only for a document report. Equally, a "
            "person who appears to be a minor, is ill or expresses fear of return must be "
            "reported as such so that the Immigration Office can take it into account.</p>",
        ),
    ],
)

# --- Tests -------------------------------------------------------------------------------

PRE_TEST = [
    Question(
        objective=0,
        text="A return decision has been issued to a man who has no passport. What is the "
        "main obstacle to carrying it out?",
        choices=[
            Choice(
                "No country will admit him and no airline will board him until his "
                "nationality is recognised and he holds a travel document.",
                correct=True,
            ),
            Choice(
                "The return decision is invalid as long as he has no passport.",
                feedback="The decision remains valid; it is its enforcement that depends on "
                "identification.",
            ),
            Choice(
                "Nothing: Belgium can issue him a Belgian passport for the journey.",
                feedback="Belgium does not issue passports to foreign nationals; a travel "
                "document must be accepted by the country of return.",
            ),
        ],
        explanation="Identification and a travel document are the conditions on which "
        "both voluntary and forced return rest.",
    ),
    Question(
        objective=0,
        text="Under the Return Directive, what happens to detention for removal when there "
        "is no longer a reasonable prospect of removal?",
        choices=[
            Choice("It is no longer justified and the person must be released.", correct=True),
            Choice(
                "It may continue until the maximum period is reached.",
                feedback="The maximum is a ceiling, not a right to detain: detention ends "
                "as soon as removal is no longer reasonably possible.",
            ),
            Choice(
                "It is converted into a criminal sanction.",
                feedback="Detention for removal is administrative; the Directive does not "
                "turn it into a penalty.",
            ),
        ],
        explanation="Detention is only justified while removal arrangements are in progress "
        "and carried out with due diligence.",
    ),
    Question(
        objective=1,
        text="In Belgium, who contacts the embassy or consulate of the country of origin to "
        "identify a person in irregular stay?",
        choices=[
            Choice("The Immigration Office.", correct=True),
            Choice(
                "The police officer who carried out the check.",
                feedback="Police collect and transmit the data; contacts with consulates go "
                "through the Immigration Office.",
            ),
            Choice(
                "The municipality where the person was registered.",
                feedback="Municipalities hold useful data but do not request identification "
                "from foreign authorities.",
            ),
            Choice(
                "The person's lawyer.",
                feedback="A lawyer assists the person but does not conduct the State's "
                "identification procedure.",
            ),
        ],
        explanation="The Immigration Office handles identification requests; field "
        "services make them possible by providing complete and consistent data.",
    ),
    Question(
        objective=1,
        text="What is a laissez-passer issued by a country of origin?",
        choices=[
            Choice(
                "A travel document allowing a national without a valid passport a single "
                "journey back to that country.",
                correct=True,
            ),
            Choice(
                "A residence permit allowing the person to stay until identification is complete.",
                feedback="A laissez-passer is issued by the country of origin and concerns "
                "travel, not residence in Belgium.",
            ),
            Choice(
                "A Schengen visa for transit through other Member States.",
                feedback="It is not a visa; it is an emergency travel document of the "
                "country of origin.",
            ),
        ],
        explanation="After identification, the consulate issues a short-validity document "
        "for one journey, which must be coordinated with the flight date.",
    ),
    Question(
        objective=2,
        text="Which of these are security features you can check without any tool? "
        "(Several answers.)",
        choices=[
            Choice("A hologram that changes when the document is tilted.", correct=True),
            Choice("Raised intaglio print that can be felt with a fingertip.", correct=True),
            Choice(
                "Fibres that glow under ultraviolet light.",
                feedback="Ultraviolet features need a UV lamp, a simple second-level tool.",
            ),
            Choice(
                "The digital signature of the chip.",
                feedback="Verifying the chip's signature requires a reader and certificates.",
            ),
        ],
        explanation="Look, feel and tilt are first-level checks; UV lamps and magnifiers are "
        "second level; chip verification and laboratory analysis go further.",
    ),
    Question(
        objective=2,
        text="A person presents a genuine, unaltered passport that belongs to a cousin who "
        "looks like them. What type of fraud is this?",
        choices=[
            Choice("Look-alike (impostor) fraud.", correct=True),
            Choice(
                "Counterfeit.",
                feedback="A counterfeit is a reproduction; here the document is genuine.",
            ),
            Choice(
                "Forgery.",
                feedback="A forgery is an altered genuine document; this one is unaltered.",
            ),
        ],
        explanation="Impostor fraud uses a genuine document of someone else; the check "
        "must therefore compare the person with the document, not only the document.",
    ),
    Question(
        objective=3,
        text="You doubt one security feature of a passport during a check. What is the "
        "right first-line response?",
        choices=[
            Choice(
                "Record what you observed, keep the document under the legal procedure and "
                "refer it to a document expert.",
                correct=True,
            ),
            Choice(
                "Declare the passport false and tell the holder so.",
                feedback="One doubtful feature does not prove fraud; describe, do not "
                "conclude, and let an expert examine it.",
            ),
            Choice(
                "Give the passport back, since you are not an expert.",
                feedback="Returning a suspect document loses the evidence; the procedure is "
                "to secure and refer it.",
            ),
        ],
        explanation="The first line decides whether a closer look is needed and preserves "
        "the evidence; the second line examines.",
    ),
    Question(
        objective=3,
        text="During a document check, a woman does not know the date of birth in her own "
        "passport and a man who accompanies her answers for her. What should you consider?",
        choices=[
            Choice(
                "Possible impostor fraud and possible control by a third person, which may "
                "indicate trafficking and call for a referral.",
                correct=True,
            ),
            Choice(
                "Nothing special: many people forget dates.",
                feedback="Not knowing one's own data combined with a companion who speaks "
                "for the person is a combination of signs worth acting on.",
            ),
            Choice(
                "Only a document report, since the passport passed the technical checks.",
                feedback="A genuine document can be used by an impostor, and the situation "
                "also points to possible exploitation.",
            ),
        ],
        explanation="The check concerns the person as well as the document: signs of "
        "control by others must be reported and referred.",
    ),
]

POST_TEST = [
    Question(
        objective=0,
        text="Why does identification matter for voluntary return as well as for forced return?",
        choices=[
            Choice(
                "Because a person travelling home voluntarily also needs a travel document "
                "accepted by the country of origin.",
                correct=True,
            ),
            Choice(
                "It does not: voluntary returnees travel on their return decision.",
                feedback="A return decision is not a travel document; airlines and the "
                "country of arrival require one.",
            ),
            Choice(
                "Because the reintegration premium is only paid after a consular interview.",
                feedback="Reintegration support does not depend on a consular interview; "
                "the need for a travel document is the reason.",
            ),
        ],
        explanation="Every return, voluntary or enforced, needs a recognised nationality "
        "and a travel document; return partners help voluntary returnees obtain one.",
    ),
    Question(
        objective=0,
        text="How does correct identification also protect the person concerned? "
        "(Several answers.)",
        choices=[
            Choice("It avoids confusion with another person.", correct=True),
            Choice("It avoids a return to the wrong country.", correct=True),
            Choice(
                "It avoids detention lasting longer than necessary.",
                correct=True,
            ),
            Choice(
                "It guarantees the right to stay in Belgium.",
                feedback="Identification establishes who the person is, not a right of residence.",
            ),
        ],
        explanation="Accurate identity data protect the person as much as they serve the "
        "procedure.",
    ),
    Question(
        objective=1,
        text="Which elements most help a consulate answer an identification request "
        "quickly? (Several answers.)",
        choices=[
            Choice(
                "A readable copy of an identity or travel document, even expired.", correct=True
            ),
            Choice("Consistent personal data and the languages the person speaks.", correct=True),
            Choice(
                "The person's asylum file, sent directly to the consulate.",
                feedback="The fact of an asylum application must never be disclosed to the "
                "authorities of the country of origin.",
            ),
        ],
        explanation="A complete and consistent file is answered faster; data from the "
        "asylum procedure stay confidential.",
    ),
    Question(
        objective=1,
        text="Which document can a Member State issue itself for a return, if the country "
        "of return accepts it?",
        choices=[
            Choice("The European travel document for return.", correct=True),
            Choice(
                "A national passport of the country of return.",
                feedback="Only the country of nationality issues its own passports.",
            ),
            Choice(
                "A laissez-passer of the country of origin.",
                feedback="A laissez-passer is issued by the consulate of the country of "
                "origin, not by the Member State.",
            ),
        ],
        explanation="Regulation 2016/1953 created a uniform EU travel document for return; "
        "its use depends on acceptance by the country of return.",
    ),
    Question(
        objective=2,
        text="What does the machine-readable zone (MRZ) allow you to check?",
        choices=[
            Choice(
                "Whether the data repeated in the MRZ match the visual zone and whether the "
                "check digits add up.",
                correct=True,
            ),
            Choice(
                "Whether the holder is the person in the photograph.",
                feedback="The MRZ contains data, not biometric comparison; the face must be "
                "compared with the person.",
            ),
            Choice(
                "Whether the document was obtained on the basis of false breeder documents.",
                feedback="A fraudulently obtained genuine document has a correct MRZ; the "
                "MRZ cannot reveal this.",
            ),
        ],
        explanation="The MRZ repeats the main data with check digits, which reveal many "
        "alterations of the data.",
    ),
    Question(
        objective=2,
        text="When comparing a face with an old passport photograph, which features are the "
        "most reliable?",
        choices=[
            Choice("The shape of the ears, the nose and the eye distance.", correct=True),
            Choice(
                "Hairstyle and beard.",
                feedback="Hair and beard change in minutes and prove nothing.",
            ),
            Choice(
                "Body weight.",
                feedback="Weight changes over the years; facial proportions and ears change "
                "much less.",
            ),
        ],
        explanation="Features that change slowly are the basis of facial comparison in "
        "impostor cases.",
    ),
    Question(
        objective=3,
        text="A document is suspected to be false, and its holder says he fled persecution. "
        "What is correct?",
        choices=[
            Choice(
                "The document is referred for examination, and the person's request for "
                "protection must be passed on and handled.",
                correct=True,
            ),
            Choice(
                "Using a false document excludes him from international protection.",
                feedback="Refugees often have no choice but to travel on false documents; "
                "this does not remove the right to apply.",
            ),
            Choice(
                "The police contact his embassy to verify his identity.",
                feedback="The authorities of the country of origin must not learn that the "
                "person seeks protection.",
            ),
        ],
        explanation="Document fraud and the need for protection are handled side by side; "
        "neither cancels the other.",
    ),
    Question(
        objective=3,
        text="Which elements belong in a first-line check of a passport? (Several answers.)",
        choices=[
            Choice("Consistency between the visual zone and the MRZ.", correct=True),
            Choice("Comparing the holder with the photograph and the data.", correct=True),
            Choice(
                "A chemical analysis of the ink.",
                feedback="Ink analysis is a laboratory examination, not a first-line check.",
            ),
            Choice(
                "Consistency of visas, stamps and other documents.",
                correct=True,
            ),
        ],
        explanation="The first-line check combines document, person and context; laboratory "
        "work is for the second and third lines.",
    ),
]

COURSE = Course(
    slug="identification-and-documentation",
    title="Identification and documentation",
    summary="Why every return, voluntary or forced, depends on establishing who a person is "
    "and obtaining a travel document; how the Immigration Office cooperates with countries "
    "of origin; and the basics of document security for police officers and municipal "
    "staff: security features, types of fraud, a structured first-line check and referral.",
    topic="identification",
    audiences=["police", "municipal_staff"],
    objectives=OBJECTIVES,
    modules=[
        Module(
            title="Why return depends on identification",
            summary="Identity and a travel document as the conditions of every return, and "
            "the part each Belgian service plays from the first check onwards.",
            lessons=[WHY_IDENTIFICATION, WHO_DOES_WHAT],
        ),
        Module(
            title="Cooperation with countries of origin",
            summary="How consular identification works, the agreements it rests on, and the "
            "travel documents used for return.",
            lessons=[CONSULAR_IDENTIFICATION, TRAVEL_DOCUMENTS],
        ),
        Module(
            title="Document security basics",
            summary="Security features, the main types of document fraud, impostor "
            "detection, and a structured first-line check with referral.",
            lessons=[SECURITY_FEATURES, FRAUD_TYPES, CHECK_AND_REFER],
        ),
    ],
    pre_test=PRE_TEST,
    post_test=POST_TEST,
    sessions=[
        Session(
            title="Workshop: document checks for local police",
            city="Antwerp",
            venue="Antwerp local police headquarters, Oudaan, training room 2",
            days_from_now=-45,
            hours=3.5,
            capacity=16,
        ),
        Session(
            title="Identification and documentation: information session for foreigners desks",
            city="Liège",
            venue="Hôtel de Ville de Liège (La Violette), meeting room",
            days_from_now=24,
            hours=3.0,
            capacity=24,
        ),
    ],
    estimated_hours=2.5,
    certificate_text="The holder can explain why return depends on identification and "
    "documentation, describe how the Immigration Office cooperates with countries of origin "
    "to obtain travel documents, recognise the main security features and types of document "
    "fraud, and carry out and refer a first-line document check.",
)
