"""What Planbord puts on paper or in a picture: the gezinsplan and the call list as PDFs, the board and the
netwerkschema as PNGs, the zip with everything, and the fonts and paper they share.

It sits above `board/` and `network_graph/` and reads them; they never import it (tests/unit/test_layers.py).
"""
