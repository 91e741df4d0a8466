"""One schema per kind of table: the fields it needs, the words that suggest each, what each holds."""
