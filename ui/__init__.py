"""The Qt desktop app. Thin: it shows core models and sends user intent to the core."""
