from rest_framework import serializers

from api.errors import field_errors


class _Pilot(serializers.Serializer):
    sdgs = serializers.ListField(child=serializers.IntegerField(max_value=17))
    location = serializers.DictField(child=serializers.ListField())


def test_list_items_are_named_by_index_and_nested_fields_by_dots():
    form = _Pilot(data={"sdgs": [3, 18], "location": {"coordinates": "x"}})
    assert not form.is_valid()

    fields = {error["field"] for error in field_errors(form.errors)}

    assert fields == {"sdgs[1]", "location.coordinates"}


def test_non_field_errors_belong_to_their_parent_path():
    errors = field_errors({"location": {"non_field_errors": ["bad"]}})

    assert errors == [{"field": "location", "message": "bad"}]
