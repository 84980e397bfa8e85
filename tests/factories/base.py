"""What every Liaison factory shares: objects are validated as an editor's form would."""

import factory


class CleanModelFactory(factory.django.DjangoModelFactory):
    """Runs ``full_clean()`` before ``save()``, so a factory cannot build a row the rules refuse."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        instance = model_class(*args, **kwargs)
        instance.full_clean()
        instance.save()
        return instance
