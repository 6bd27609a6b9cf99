"""The XML namespaces of Office Open XML packages, named once for the readers and the writers."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
# Relationship ids in parts (r:id, r:embed) and relationship types.
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R = f"{{{R_NS}}}"
# The .rels parts themselves, and [Content_Types].xml.
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
