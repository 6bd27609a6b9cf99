"""Rendering: a document tree becomes an official-format .docx in a house style."""
