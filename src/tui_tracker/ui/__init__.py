"""The Textual app: one module per screen, widgets in ui/widgets, styles in .tcss files."""
