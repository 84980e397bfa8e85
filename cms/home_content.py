"""The home page's starting text in each interface language; editors change it in Wagtail."""

HOME_CONTENT = {
    "en": {
        "title": "Liaison",
        "intro": (
            "<p>Liaison trains the people who work on return procedures: police officers, "
            "students, municipal staff and civil-society workers. Courses cover voluntary "
            "return, forced return and identification, online and in the classroom.</p>"
        ),
        "trainee_text": (
            "<p>Create your account, confirm your email address, then choose a course in the "
            "catalogue. Your progress is saved on every device, including your phone.</p>"
        ),
        "trainer_text": (
            "<p>Sign in and open the editor to write modules and lessons. Every lesson is "
            "reviewed by a second trainer before trainees see it, because it is legal "
            "guidance.</p>"
        ),
        "manager_text": (
            "<p>Sign in to follow how many people were trained, from which services, and "
            "whether the training changed what they know and do.</p>"
        ),
    },
    "fr": {
        "title": "Liaison",
        "intro": (
            "<p>Liaison forme les personnes qui interviennent dans les procédures de retour : "
            "policiers, étudiants, agents communaux et travailleurs de la société civile. Les "
            "cours portent sur le retour volontaire, le retour forcé et l'identification, en "
            "ligne et en classe.</p>"
        ),
        "trainee_text": (
            "<p>Créez votre compte, confirmez votre adresse e-mail, puis choisissez un cours "
            "dans le catalogue. Votre progression est enregistrée sur tous vos appareils, "
            "téléphone compris.</p>"
        ),
        "trainer_text": (
            "<p>Connectez-vous et ouvrez l'éditeur pour rédiger modules et leçons. Chaque "
            "leçon est relue par un second formateur avant publication, car il s'agit de "
            "conseils juridiques.</p>"
        ),
        "manager_text": (
            "<p>Connectez-vous pour suivre combien de personnes ont été formées, dans quels "
            "services, et si la formation a changé leurs connaissances et leurs pratiques.</p>"
        ),
    },
    "nl": {
        "title": "Liaison",
        "intro": (
            "<p>Liaison leidt de mensen op die met terugkeerprocedures werken: politiemensen, "
            "studenten, gemeentepersoneel en medewerkers van het middenveld. De cursussen gaan "
            "over vrijwillige terugkeer, gedwongen terugkeer en identificatie, online en in "
            "de klas.</p>"
        ),
        "trainee_text": (
            "<p>Maak een account aan, bevestig je e-mailadres en kies een cursus in de "
            "catalogus. Je voortgang wordt bewaard op al je toestellen, ook op je "
            "smartphone.</p>"
        ),
        "trainer_text": (
            "<p>Meld je aan en open de editor om modules en lessen te schrijven. Elke les "
            "wordt nagelezen door een tweede trainer voordat cursisten ze zien, want het gaat "
            "om juridische richtlijnen.</p>"
        ),
        "manager_text": (
            "<p>Meld je aan om te volgen hoeveel mensen opgeleid zijn, uit welke diensten, en "
            "of de opleiding hun kennis en praktijk veranderd heeft.</p>"
        ),
    },
}
