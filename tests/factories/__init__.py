"""factory_boy factories shared by every test folder."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Audience, Organisation, User

DEFAULT_PASSWORD = "a-long-test-password-42"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Police zone {n}")
    kind = Organisation.Kind.POLICE_ZONE
    city = "Antwerpen"
    is_confirmed = True


def _join(user, group_name):
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))


def _role(default):
    """A post-generation hook that puts the user in ``default`` unless told another role."""
    return factory.post_generation(
        lambda user, create, extracted, **kw: _join(user, extracted or default)
    )


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified primary email who can log in with DEFAULT_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    audience = Audience.POLICE
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    role = factory.post_generation(lambda user, create, extracted, **kw: _join(user, extracted))


class TraineeFactory(UserFactory):
    role = _role(roles.TRAINEES)


class TrainerFactory(UserFactory):
    role = _role(roles.TRAINERS)
    audience = Audience.OTHER


class ProgrammeManagerFactory(UserFactory):
    role = _role(roles.PROGRAMME_MANAGERS)
    audience = Audience.OTHER


class AdminFactory(UserFactory):
    is_superuser = True
    is_staff = True
