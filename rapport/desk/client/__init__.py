"""The client page: the person first, how they are doing, what is planned, then their story."""
