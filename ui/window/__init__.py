"""The main window and what frames it: its layout, its controllers, its remembered size and place,
the first run, Cài đặt… and Trợ giúp."""
