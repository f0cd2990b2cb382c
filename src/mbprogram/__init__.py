"""mbprogram: run a training programme for peer workers with lived experience."""

__all__: list[str] = []
