"""One module a rule table, each exporting ``SCHEMA`` (see ``qazparse.rules.schema``)."""
