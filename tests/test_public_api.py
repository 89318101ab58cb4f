import tieline


def test_all_is_sorted_and_complete() -> None:
    assert tieline.__all__ == sorted(tieline.__all__)
    for name in tieline.__all__:
        assert hasattr(tieline, name), name
    public = {n for n in dir(tieline) if not n.startswith("_")}
    # every public, non-module attribute is exported
    import types

    missing = {n for n in public if not isinstance(getattr(tieline, n), types.ModuleType)} - set(
        tieline.__all__
    )
    assert not missing
