from django.http import HttpResponseRedirect
def done(request):
    return HttpResponseRedirect('/account/')
