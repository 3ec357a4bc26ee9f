from django.http import HttpResponseRedirect
def done(request):
    target = request.GET['return_to']
    return HttpResponseRedirect(target)
