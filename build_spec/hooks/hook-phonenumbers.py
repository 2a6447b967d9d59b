# Replaces pyinstaller-hooks-contrib's hook, which collects every submodule of phonenumbers: the
# console parses and formats numbers only, never the geocoder, carrier or time-zone tables (40 MB).
from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata")
hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(_UNUSED))
