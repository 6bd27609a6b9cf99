# A small Chinese Sphinx project for the gongwen builder:
#   sphinx-build -b gongwen samples/sphinx build/gongwen
#   sphinx-build -b html samples/sphinx build/html
project = "青山县安全生产工作手册"
author = "青山县应急管理局"
language = "zh_CN"
root_doc = "index"
extensions = ["outline2docx.sphinx"]
exclude_patterns = ["_build"]

gongwen_documents = [("index", "安全生产工作手册.docx", project)]
gongwen_style = "gbt9704"
