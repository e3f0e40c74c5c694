"""What every part of the window shares: the blocking questions (`ask`), the language (`i18n`),
the screen (`screen`) and long work off the GUI thread (`worker`)."""
