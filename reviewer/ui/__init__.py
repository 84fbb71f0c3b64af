"""The Qt window (PySide6 widgets)."""
from reviewer.ui.none_refcount import protect_none

protect_none()
