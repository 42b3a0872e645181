"""The inbox model: a small classifier the project trains itself, and how it is measured.

* ``data`` reads the labelled set (``data/inbox_labelled.csv``: English, Bengali script and
  Banglish messages with category, urgency, family group, topic and train/test split);
  ``build_set`` writes it from the hand-written sources in ``inbox_model/source/``.
* ``train`` fits scikit-learn logistic regression on word and character n-grams, on first
  use, once per process; ``language`` tells Banglish from English in Latin letters.
* ``evaluate`` prints macro-F1 per language on the test split for the cues alone, the
  model alone and the two combined (``python -m smm_helpers.inbox_model.evaluate``).

``smm_helpers.community.classify_message`` uses the model as one piece of evidence next
to its transparent cues.  Nothing here is imported, read or trained when the package is
imported.
"""
