"""The Qt window (PySide6 widgets)."""
from reviewer.ui.refcount_guard import protect_singletons

protect_singletons()
